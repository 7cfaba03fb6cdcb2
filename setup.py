"""Which folders become which installed packages (everything else is in pyproject.toml).

The source keeps the top-level folders app/, ui/, resources/ and layouts/; installed, they are
galley.app, galley.ui, galley.resources and galley.layouts, so Galley's import names cannot
clash with another project's `app` or `ui`. Data files travel inside those packages.
"""
from setuptools import find_namespace_packages, setup

FOLDERS = {"app": "galley.app", "ui": "galley.ui", "resources": "galley.resources", "layouts": "galley.layouts"}
DATA = ["*.toml", "*.json", "*.txt", "*.tsv", "*.marshal", "*.qm", "*.png", "*.svg", "*.ttf", "*.ttc", "*.otf"]

packages = ["galley"]
package_dir = {"galley": "galley"}
package_data = {}
for folder, name in FOLDERS.items():
    subpackages = [f"{name}.{sub}" for sub in find_namespace_packages(folder, exclude=["*__pycache__*"])]
    packages += [name, *subpackages]
    package_dir[name] = folder
    for package in [name, *subpackages]:
        package_data[package] = DATA

setup(packages=packages, package_dir=package_dir, package_data=package_data)
