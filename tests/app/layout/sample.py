"""An invented edition of the fictional 青川日报 with every element kind, for layout and render tests.

All text is our own writing about a fictional city; nothing is copied from real papers.
"""
from __future__ import annotations

from galley.app.model import Edition, Element, Kind, Story

P = [
    ("本报讯（记者 林晓舟）3月18日，青川市召开2026年城市更新工作推进会，明确今年将完成老旧小区改造126个，"
     "新建口袋公园40处，改造雨污管网85公里，让群众在家门口感受到城市品质的提升。"),
    ("会议指出，城市更新不是简单的“拆旧建新”，而是要在留住城市记忆的同时补齐民生短板。"
     "各区要坚持“一区一策”，把加装电梯、停车位改造、社区食堂等群众最关心的事项列入清单，逐项销号。"),
    ("据介绍，去年全市共改造老旧小区98个，惠及居民3.2万户；新增停车泊位1.6万个，"
     "城区绿化覆盖率提高到43.5%。今年的改造项目已全部完成前期调查，其中72个将在6月底前开工。"),
    ("“楼道亮了，电梯装上了，晚上散步也有地方去了。”家住东湖街道的退休教师周玉兰告诉记者，"
     "她所在的小区去年完成改造后，不少搬走的老邻居又搬了回来。"),
    ("为保障项目顺利推进，市住建局联合财政、自然资源等部门出台了12条配套措施，"
     "简化审批流程，项目从立项到开工的时间由原来的120天压缩到45天以内……"),
    ("青川港今年一季度集装箱吞吐量达到46.8万标准箱，同比增长17.3%，创历史同期新高。"
     "新开通的两条近洋航线每周各有三个班次，直达釜山、大阪等港口。"),
    ("港口集团负责人表示，智慧码头一期工程已投入试运行，无人驾驶集卡和远程控制岸桥使装卸效率提高了三成。"
     "下一步将加快建设冷链物流中心，服务本地水产品和果蔬出口。"),
    ("春耕时节，青川市各地田间地头一派繁忙景象。在西岭镇的高标准农田里，植保无人机正在进行作业，"
     "每架一天可以完成300亩的喷洒任务。"),
    ("今年全市计划粮食播种面积稳定在96万亩以上，新建高标准农田5.5万亩。"
     "农业部门组织了120名技术人员下乡，开展“一对一”指导服务。"),
    ("市图书馆新馆将于5月1日正式开放。新馆建筑面积3.8万平方米，可容纳藏书200万册，"
     "设有少儿阅读区、古籍修复展示区和24小时自助借阅区。"),
    "在接下来的一个月里，图书馆还将推出“城市记忆”系列讲座，邀请本地学者讲述青川的老街、老厂和老码头的故事。",
    "青川市第十二届全民健身运动会日前开幕，比赛设置了篮球、龙舟、围棋等23个大项，预计参赛人数超过1.5万人。",
]

SIDEBAR = [
    "今年城市更新主要目标",
    "完成老旧小区改造126个",
    "新建口袋公园40处",
    "改造雨污管网85公里",
    "新增停车泊位8000个",
]


def sample_edition() -> Edition:
    s1 = Story("s1", [
        Element(Kind.PAGE, "第1版 要闻"),
        Element(Kind.KICKER, "留住城市记忆 补齐民生短板"),
        Element(Kind.HEADLINE, "我市今年改造老旧小区126个"),
        Element(Kind.DECK, "——全市城市更新工作推进会召开"),
        Element(Kind.BODY, P[0]), Element(Kind.BODY, P[1]),
        Element(Kind.SUBHEAD, "群众关心什么就改什么"),
        Element(Kind.BODY, P[2]), Element(Kind.BODY, P[3]), Element(Kind.BODY, P[4]),
        *[Element(Kind.SIDEBAR, t) for t in SIDEBAR],
    ], page="第1版 要闻")
    s2 = Story("s2", [
        Element(Kind.SECTION, "经济观察"),
        Element(Kind.HEADLINE, "青川港一季度吞吐量创新高"),
        Element(Kind.BYLINE, "■ 本报记者 许明远"),
        Element(Kind.BODY, P[5]), Element(Kind.BODY, P[6]),
        Element(Kind.CAPTION, "3月16日，青川港集装箱码头，远程控制的岸桥正在装卸货物。"),
        Element(Kind.CREDIT, "（本报记者 许明远 摄）"),
    ], page="第1版 要闻")
    s3 = Story("s3", [
        Element(Kind.HEADLINE, "植保无人机飞进高标准农田"),
        Element(Kind.BODY, P[7]), Element(Kind.BODY, P[8]),
    ], page="第1版 要闻")
    s4 = Story("s4", [
        Element(Kind.KICKER, "建筑面积3.8万平方米"),
        Element(Kind.HEADLINE, "市图书馆新馆5月1日开放"),
        Element(Kind.BODY, P[9]), Element(Kind.BODY, P[10]),
    ], page="第1版 要闻")
    s5 = Story("s5", [
        Element(Kind.HEADLINE, "全民健身运动会开幕"),
        Element(Kind.BODY, P[11]),
        Element(Kind.AUTHOR, "■ 苏禾"),
    ], page="第1版 要闻")
    return Edition(blocks=[], stories=[s1, s2, s3, s4, s5])


def long_edition(copies: int = 6) -> Edition:
    """Many stories (the sample's repeated under new ids) over two page markers: needs several pages."""
    base = sample_edition().stories
    stories = []
    for c in range(copies):
        for s in base:
            els = [Element(e.kind, e.text) for e in s.elements
                   if not (e.kind == Kind.PAGE and c % 3 != 0)]
            page = f"第{c // 3 + 1}版"
            if els and els[0].kind == Kind.PAGE:
                els[0] = Element(Kind.PAGE, page)
            stories.append(Story(f"c{c}{s.id}", els, page=page))
    return Edition(blocks=[], stories=stories)
