/**
 * The demo organisation: departments, accounts and one half-year summary laid out the way such
 * reports are written. All text is written for Hegao (fictitious organisation and figures).
 */

export const DEMO_ORGANISATION = "示例集团公司";
/** Password of every demo account (documented in the README). */
export const DEMO_PASSWORD = "hegao-demo";

/** Departments with the username prefix of their two editors. */
export const DEMO_DEPARTMENTS = [
  { name: "党委办公室", code: "dwb" },
  { name: "党群工作部", code: "dqb" },
  { name: "纪检监察室", code: "jjs" },
  { name: "工会", code: "gh" },
  { name: "人力资源部", code: "rlzy" },
  { name: "生产技术部", code: "scjs" },
  { name: "安全环保部", code: "aqhb" },
] as const;

export const DEMO_PEOPLE: Record<string, [string, string]> = {
  dwb: ["周文华", "陈思远"],
  dqb: ["李明", "王芳"],
  jjs: ["赵国强", "孙丽"],
  gh: ["刘洋", "杨静"],
  rlzy: ["黄磊", "吴敏"],
  scjs: ["郑涛", "何婷"],
  aqhb: ["冯刚", "许娜"],
};

/** 部门负责人 of each department (an editor account with the lead flag), username `<code>lead`. */
export const DEMO_LEADS: Record<string, string> = {
  dwb: "马振东", dqb: "邓建华", jjs: "田志勇", gh: "韩秀英", rlzy: "曹文博", scjs: "彭海军", aqhb: "曾庆华",
};

/** The leaders in charge (分管领导), who co-sign (会签) at the last stage of the demo chain. */
export const DEMO_LEADERS_DEPT = "公司领导";
export const DEMO_LEADERS = [
  { username: "leader1", displayName: "贺总经理" },
  { username: "leader2", displayName: "谭副书记" },
] as const;

/** The demo organisation's three-stage chain (a template; the demo report keeps the default one-stage chain). */
export const DEMO_CHAIN = {
  name: "三级审核（部门负责人→党办→分管领导会签）",
  stages: [
    { name: "部门负责人审核", mode: "any", approvers: { departmentLead: true } },
    { name: "党办审核", mode: "any", approvers: { department: "党委办公室" } },
    { name: "分管领导签批", mode: "all", approvers: { users: ["leader1", "leader2"] } },
  ],
} as const;

/** Accounts besides the editors: the coordinating office's admin and reviewer. */
export const DEMO_STAFF = [
  { username: "admin", displayName: "林主任", role: "admin", dept: "党委办公室" },
  { username: "reviewer", displayName: "郭书记", role: "reviewer", dept: "党委办公室" },
] as const;

export interface DemoSection {
  level: 1 | 2;
  title: string;
  dept?: string;
  body?: string;
}

export const DEMO_REPORT = {
  title: "示例集团公司2026年上半年党建工作总结",
  period: "2026年上半年",
  preamble:
    "2026年上半年，集团公司党委坚持以习近平新时代中国特色社会主义思想为指导，围绕“强党建、促生产、保安全”的年度目标，统筹推进党的建设与生产经营各项工作，较好完成了上半年各项任务。现将有关情况总结如下。",
  sections: [
    { level: 1, title: "上半年主要工作" },
    {
      level: 2, title: "坚持政治引领，理论武装持续深化", dept: "党委办公室",
      body: "全年学习计划按月落实，上半年召开党委理论学习中心组集体学习6次，围绕新质生产力、安全生产责任等专题开展研讨。\n组织基层党支部开展“读原著、学原文”活动，编印学习资料两册，发放至每名党员。",
    },
    {
      level: 2, title: "夯实基层基础，组织建设全面加强", dept: "党群工作部",
      body: "完成3个基层党支部按期换届，规范“三会一课”记录，开展支部标准化建设对标检查。\n上半年发展党员X名，确定入党积极分子12名，党员教育培训覆盖率达到100%。",
    },
    {
      level: 2, title: "严明纪律规矩，正风肃纪久久为功", dept: "纪检监察室",
      body: "围绕物资采购、工程建设等重点领域开展专项监督检查2轮，发现并督促整改问题15项。\n持续开展廉洁文化进班组活动，组织观看警示教育片，筑牢拒腐防变思想防线。",
    },
    {
      level: 2, title: "凝聚职工力量，群团工作活力迸发", dept: "工会",
      body: "举办劳动技能竞赛4场，参赛职工300余人次；开展“送清凉”活动，慰问一线职工。\n青年突击队承担技术攻关课题5项，其中2项已在生产中推广应用。",
    },
    {
      level: 2, title: "聚焦人才强企，干部队伍结构优化", dept: "人力资源部",
      body: "完成中层干部竞聘上岗工作，新提任干部平均年龄38岁；实施“青苗计划”，选派青年骨干到基层一线挂职锻炼。",
    },
    {
      level: 2, title: "党建融入生产，提质增效成果显著", dept: "生产技术部",
      body: "设立党员示范岗18个、党员责任区9个，围绕降本增效开展“党员攻关”项目，上半年累计节约成本约260万元。",
    },
    {
      level: 1, title: "存在的问题", dept: "党委办公室",
      body: "一是部分基层支部学习形式较为单一，入脑入心的效果还需提升；二是党建与业务深度融合的载体不多，创新做法总结推广不够。",
    },
    { level: 1, title: "下半年工作安排" },
    {
      level: 2, title: "持续加强思想政治建设", dept: "党群工作部",
      body: "按季度组织专题学习，开展支部书记讲党课活动，推进学习成果转化为推动发展的实际成效。",
    },
    {
      level: 2, title: "压紧压实安全环保责任", dept: "安全环保部",
      body: "深化党员安全责任区建设，开展隐患排查治理专项行动，确保全年不发生较大及以上安全环保事故。",
    },
  ] satisfies DemoSection[],
};
