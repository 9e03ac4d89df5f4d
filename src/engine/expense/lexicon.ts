// What a clerk's wording means: keyword groups (concepts) and the priority-ordered rules that turn concepts into table entries; regulation packs' overlays name these concepts.
//
// Keywords are written in normalised form (NFKC, no spaces, ASCII lower-case). An occurrence strictly inside a
// longer keyword occurrence is dropped before the rules run, so 工资管理系统 never counts as 工资, 数据采集终端 never as
// 数据采集, 云服务器 still counts as both 云服务 and 服务器 (they only overlap). Rules are tried top-down; the first
// whose every group has a concept present wins. The order encodes "the specific beats the general", and for a line
// naming two unrelated items, excluded/conditional items are placed above included ones so the clerk is asked.
// A rule without an entry says the table has no row for what it matches: the item stays 未识别 rather than falling to a
// more general row that would misname it.


export const CONCEPTS = {
  // --- included devices
  remoteSensing: ['遥感设备', '遥感', '多光谱', '高光谱', '激光雷达'],
  remoteData: ['遥感影像', '遥感数据', '卫星影像', '航空影像', '航拍影像'],
  sensor: ['传感器', '传感', '感应器', '探测器', '烟感', '烟感探头', '温感', '温度探头', '水浸', '温湿度'],
  camera: [
    '摄像头', '摄像机', '摄像', '球机', '枪机', '监控探头', '探头', '视频监控', '监控摄像', '监控相机', '监控设备', '监控点位',
    '安防监控', '抓拍机', '抓拍相机', '卡口', '电子警察', '执法记录仪', '网络相机', '硬盘录像机', '录像机', 'nvr', 'ipc', '雪亮工程',
  ],
  rfid: ['rfid', '射频识别', '射频标签', '电子标签'],
  dataTerminal: [
    '数据采集终端', '专用采集终端', '采集终端', '采集设备', '采集器', '手持终端', '手持机', '手持设备', 'pda', '执法终端', '移动执法终端', '巡检终端',
  ],
  mobile: ['手机', '智能手机', '移动终端'],
  tablet: ['平板', 'pad', 'ipad'],
  collect: ['采集', '巡检', '执法', '录入'],
  otherSensing: [
    '其他感知设备', '感知设备', '感知终端', '物联网设备', '物联网终端', '物联网', '无人机', '雷达', '监测设备', '监测仪', '监测站', '监测终端',
    '水位计', '雨量计', '流量计', '气象站', '智能电表', '智能水表', '北斗终端', '定位终端', 'gps', '识别终端', '人脸识别设备',
  ],
  // --- O&M supplies
  spareParts: ['备品备件', '备件', '备品'],
  omTools: ['运行维护专用工具', '运维专用工具', '运维工具', '维护工具', '专用工具'],
  serviceDesk: ['服务台'],
  vehicle: ['专用车辆', '运维车辆', '运维车', '通信车', '应急通信车', '指挥车'],
  // --- networks
  extranet: ['政务外网', '电子政务外网', '电子政务网', '政务网'],
  intranet: ['政务内网', '电子政务内网', '涉密内网', '涉密网'],
  internet: ['互联网', '宽带', '带宽', '公网ip'],
  privateNet: ['业务专网', '专网', '专线', '裸光纤', '自建专网', '私有专网'],
  intranetBare: ['内网', '私有内网', '私有网络', '自建网络'],
  // Owning a private network is what Laizhou 第三十条 restricts, whatever the verb.
  privateOwn: ['私有专网', '私有内网', '私有网络', '自建网络', '自建专网'],
  phoneFee: ['话费', '电话费', '通讯费', '手机卡', '电话卡'],
  phone: ['电话线路', '电话线', '电话', '固话', '固定电话', '座机'],
  lan: ['局域网络', '局域网', '综合布线', '网络布线', '布线', '交换机', '路由器', '无线ap', 'wifi', '无线网络'],
  // --- machine room and hardware
  machineRoom: [
    '机房', '机房环境', '物管费', '物业费', '电费', 'ups', '不间断电源', '精密空调', '动环', '动力环境', '配电柜', '机柜', '气体灭火',
    '防静电地板', '数据中心',
  ],
  serverStorage: [
    '服务器存储', '服务器', '存储设备', '存储', '磁盘阵列', '磁阵', '刀片', '小型机', 'nas', '磁带库', '光纤交换机', '超融合', '备份一体机',
  ],
  computer: ['电脑', '计算机', '台式机', '笔记本', '一体机', 'pc', '工作站', '微机', '终端机'],
  officeEquip: ['办公设备', '打印机', '复印机', '传真机', '碎纸机', '投影仪', '多功能一体机', '速印机', '电话机'],
  furniture: ['办公家具', '家具', '桌椅', '办公桌', '办公椅', '电脑桌', '电脑椅', '文件柜', '沙发'],
  officeFacility: ['办公设施更换', '办公设施', '空调', '装修', '窗帘', '饮水机', '办公用房'],
  // The room itself, as distinct from what it consumes (电费、物管费) or holds (UPS、空调): what 新建 can apply to.
  machineSite: ['机房', '数据中心', '中心机房', '机房工程', '数据机房'],
  // 叶集第十六条 forbids units' own 应用类数据中心 and 专网; the 区政务云数据中心 is the one meant to be built.
  dataCentre: ['数据中心', '应用类数据中心'],
  zhuanwang: ['专网', '业务专网', '自建专网', '私有专网'],
  // --- cloud and software
  cloud: [
    '租用云服务', '云服务', '云主机', '云资源', '政务云', '云服务器', '云存储', '云平台', '云计算', '云租赁', '云租用', '上云', '云数据库',
    '算力租用', '算力服务', '云桌面', 'ecs', '政务云数据中心',
  ],
  licenseSpecific: [
    '数据库软件', '数据库授权', '数据库许可', '数据库管理系统', '中间件', '虚拟化', '国产数据库', '达梦', '人大金仓', '金仓', 'oracle', 'vmware',
  ],
  database: ['数据库'],
  licenseWord: ['授权', '许可', 'license', '正版'],
  zhengbanhua: ['正版化', '软件正版化'],
  licenseGeneric: ['正版软件', '软件授权', '软件许可', '许可证', '操作系统', '软件采购', '软件购置'],
  officeSoftware: ['办公软件正版化', '办公软件', 'wps', 'office', '金山办公'],
  // --- data
  baseData: [
    '政务基础数据', '基础数据', '基础数据库', '基础库', '人口库', '法人库', '空间地理', '基础信息库', '人口基础信息', '法人基础信息',
    '人口信息库', '法人信息库', '法人单位信息',
  ],
  themeData: ['政务主题数据', '主题数据', '主题库', '主题数据库', '专题数据', '专题库'],
  dataCollection: ['数据采集', '信息采集', '数据采录', '数据录入', '采集服务', '数据普查', '数据调查', '测绘', '航拍'],
  dataProcessing: [
    '数据加工处理', '数据加工', '数据处理', '数据清洗', '数据治理', '数据标注', '数据整理', '数据转换', '数据迁移', '数据建库', '建库',
    '档案数字化', '数字化加工', '数字化扫描', '数据比对', '数据融合', '数据入库',
  ],
  // --- security, testing, standards, project services
  dengbao: ['等级保护测评', '等保测评', '等级测评', '等保', '等级保护'],
  rectify: ['整改'],
  securityAssess: [
    '安全测评', '安全评估', '安全检测', '安全性评估', '渗透测试', '漏洞扫描', '漏洞检测', '风险评估', '安全整改', '安全加固', '密评',
    '密码应用安全性评估', '密码测评', '商密测评', '代码审计',
  ],
  securityConsult: ['安全咨询', '安全顾问', '安全规划'],
  softwareTest: ['软件测评', '软件测试', '软件评测', '验收测评', '软件验收测评'],
  systemTest: ['系统测评', '系统测试', '第三方测评', '测评', '功能测试', '性能测试', '压力测试', '兼容性测试'],
  designConsult: [
    '设计咨询', '咨询设计', '可研', '可行性研究', '初步设计', '方案设计', '深化设计', '工程咨询', '项目咨询', '设计费', '顶层设计',
    '规划设计', '概算编制', '规划咨询', '项目建议书',
  ],
  tendering: ['招标代理', '采购代理', '招标服务', '代理服务费', '招投标代理'],
  supervision: ['工程监理', '监理'],
  standards: ['标准规范编制', '标准规范', '标准编制', '规范编制', '标准制定', '地方标准', '团体标准', '标准体系'],
  // --- systems and websites
  oa: ['办公自动化', 'oa', '协同办公', '公文系统', '公文流转', '公文交换', '办公系统', '办公平台', '移动办公', '无纸化办公', '电子公文'],
  videoConf: ['视频会议', '视频会商', '会议电视', '电话会议', 'mcu'],
  meetingRoom: ['会议室', '会议厅', '报告厅', '会场'],
  meetingSystem: ['会议系统', '无纸化会议'],
  building: ['楼宇智能化', '智能楼宇', '智能化楼宇', '楼宇自控', '楼宇控制', '楼控', '弱电', '门禁', '智能化工程', '梯控'],
  buildingCtx: ['楼宇', '大楼', '办公楼', '大厦', '办公区'],
  hrSystem: [
    '人事系统', '人事管理系统', '人力资源系统', '人力资源管理', '人事信息系统', '干部管理系统', '工资系统', '薪酬系统', '工资管理系统', '薪资系统',
    'hr系统',
  ],
  financeSystem: [
    '财务系统', '财务管理系统', '财务软件', '会计核算系统', '财务核算系统', '核算系统', '预算管理系统', '报销系统', '财务平台', '差旅报销系统',
    '财务核算软件', '会计核算软件', '核算软件', '会计软件', '财务管理软件', '报销软件', '报销平台',
  ],
  publicWebsite: [
    '公共服务网站', '网站', '门户网站', '政务网站', '电子政务网站', '政府网站', '网站群', '网上办事大厅', '网上服务大厅', '网站维护', '网站日常维护',
    '网站内容',
  ],
  socialMedia: ['公众号', '微信公众号', '抖音', '微博', '新媒体', '视频号', '头条号', '快手'],
  miniProgram: ['小程序'],
  appWord: ['app', '移动应用', '客户端', '手机app', '手机客户端', '手机端', '移动端'],
  promo: [
    '推广', '宣传', '内容更新', '内容维护', '内容编辑', '内容运营', '运营', '信息发布', '更新维护', '代运营', '推广宣传', '宣传推广', '网站维护',
    '网站日常维护', '网站内容',
  ],
  promoSite: ['网站维护', '网站日常维护', '网站内容'],
  promoGeneric: ['推广宣传', '宣传推广', '宣传费', '推广费'],
  courseware: ['电子课件', '课件', '课程', '网络课程', '在线课程', '培训课程', '慕课', '微课'],
  trainingFee: ['学习培训费', '培训费', '学习费', '培训经费', '进修费', '考察学习', '学习考察', '进修'],
  trainingSystem: ['培训系统', '培训平台', '培训管理', '学习平台', '网络学院', '学习系统'],
  training: ['培训', '学习培训'],
  // --- cost types outside the table's scope
  salary: [
    '人员工资', '工资', '薪酬', '薪资', '劳务费', '人员经费', '人工费', '人工成本', '人员费用', '人员费', '加班费', '奖金', '绩效工资', '社保费',
    '社会保险费', '五险一金', '公积金缴存', '津贴',
  ],
  travel: ['差旅费', '差旅', '出差', '交通费', '住宿费', '机票', '火车票', '车旅费', '旅费', '市内交通'],
  consumables: [
    '办公耗材', '耗材', '打印纸', 'a4纸', '复印纸', '硒鼓', '墨盒', '碳粉', '墨粉', '色带', '墨水', '文具', '办公用品', '签字笔', '纸张',
  ],
  // --- generic last resort: an information system or its O&M
  bizSystem: [
    '业务系统', '信息系统', '应用系统', '管理系统', '管理平台', '管理软件', '软件开发', '系统开发', '应用开发', '开发', '运维', '运行维护',
    '信息化建设', '系统集成', 'gis',
  ],
  // 系统 or 平台 on its own names a system only when nothing says the money is a fee for someone else's service.
  bizBare: ['系统', '平台'],
  fee: [
    '服务费', '使用费', '租用费', '租赁费', '年费', '月租费', '流量费', '短信费', '通信费', '资源费', '接口费', '调用费', '通道费', '订阅费',
    '会员费',
  ],
  // A system's head noun, or its development or purchase: what an item ending in one of these buys is the system.
  systemHead: [
    '管理系统', '业务系统', '信息系统', '应用系统', '管理平台', '管理软件', '系统开发', '软件开发', '应用开发', '系统集成', '软件采购', '软件购置',
    '小程序', 'app', '客户端',
  ],
  softwareBare: ['软件'],
  // Sound, picture and control gear is what turns a meeting room into a conference system (武汉第三条) or refits it.
  av: ['音视频', '音响', '扩声', '显示屏', '显示系统', '大屏', '拼接屏', '中控', '话筒', '麦克风', '录播', '同传', '表决系统'],
  // --- context words used by the overlays
  // 新增 is left out: 机房新增UPS adds equipment, it does not build a room.
  build: ['新建', '建设', '搭建', '建立', '建造', '自建', '自建专网', '土建', '土建工程', '修建', '基建', '重复建设'],
  rent: ['租用', '租赁', '租金', '租用费', '租赁费'],
  renovate: ['改造', '升级', '装修', '改建', '扩建', '改扩建', '翻新', '扩容'],
  classified: ['涉密'],
  special: ['专用'],
  digitalArt: [
    '影视', '宣传片', '微电影', '动画', '动漫', '数字艺术', '纪录片', '专题片', '短视频', '视频制作', '影视制作', '文创', '数字藏品', '创意设计',
  ],
  // Words that only exist to swallow a shorter keyword inside them (开发区 is a place, not software development).
  // 自助一体机 is a self-service kiosk, which the table does not name, not a 电脑.
  neutral: ['开发区', '高新区', '监控中心', '自助一体机', '自助终端', '自助服务终端', '手机号', '物联网卡',
    // 大数据中心 / 大数据发展局 are the bodies that run projects, not a machine room.
    '大数据中心', '大数据发展局', '大数据局'],
} as const satisfies Record<string, readonly string[]>;

export type Concept = keyof typeof CONCEPTS;

/** A rule or overlay condition: every group must have one of its concepts present. */
export type Groups = readonly (readonly Concept[])[];

export interface ClassRule {
  /** The table entry, or null where the table has no row for what the rule matches (the item stays unknown). */
  entry: string | null;
  all: Groups;
  /** Concepts whose presence keeps the rule from holding. */
  unless?: readonly Concept[];
  /**
   * The item is what its last word names (Chinese puts the head noun last): the rule holds only when, before any
   * parenthesis and past trailing verbs and fees (HEAD_TAILS), the last word is one of the second group's.
   */
  headLast?: true;
  /**
   * With headLast: the item is a system named after the first group's words (工资发放管理系统), so those words are set
   * aside and the rest of the text decides (管理系统 → 业务系统, 报销系统 → 财务系统, 平台服务费 → unknown).
   */
  namedAfter?: true;
}

/** What may follow a head noun without becoming the head: 管理系统运维, 预约平台服务费, 公众号开发建设. */
export const HEAD_TAILS: readonly Concept[] = ['renovate', 'build', 'rent', 'bizSystem', 'fee'];

// Cost types the table excludes or conditions, which also name the systems that manage them (工资发放管理系统).
const COST_WORDS: readonly Concept[] = [
  'salary', 'travel', 'consumables', 'trainingFee', 'training', 'meetingRoom', 'officeFacility', 'furniture', 'officeEquip',
  'phoneFee', 'phone', 'promo', 'promoSite', 'promoGeneric', 'socialMedia', 'computer', 'mobile', 'tablet',
];
const SYSTEM_HEADS: readonly Concept[] = ['systemHead', 'hrSystem', 'financeSystem', 'oa', 'trainingSystem', 'bizBare', 'softwareBare'];

/** Priority order, top wins. */
export const CLASS_RULES: readonly ClassRule[] = [
  // a meeting room's sound and picture gear is its refit, whatever the line calls it
  { entry: 'meeting-room-upgrade', all: [['meetingRoom'], ['av']] },
  // a system named after a cost is a system: 会议室预约管理系统, 差旅费报销系统, 耗材管理软件
  { entry: null, all: [COST_WORDS, SYSTEM_HEADS], headLast: true, namedAfter: true },
  // combinations where the wording names what the money is really for
  { entry: 'meeting-room-upgrade', all: [['meetingRoom'], ['renovate']] },
  { entry: 'website-promotion', all: [['publicWebsite', 'socialMedia', 'miniProgram', 'appWord'], ['promo']] },
  // developing an official account is building software, not the 推广宣传及内容更新维护 the table excludes
  { entry: 'business-system', all: [['socialMedia'], ['bizSystem', 'build']], headLast: true },
  { entry: 'website-promotion', all: [['promoSite']] },
  { entry: 'website-promotion', all: [['promoGeneric']] },
  { entry: 'website-promotion', all: [['socialMedia']] },
  { entry: 'training-courseware', all: [['courseware']] },
  { entry: 'training-fee', all: [['trainingFee']] },
  { entry: 'phone-line', all: [['phoneFee']] },
  { entry: 'software-license', all: [['licenseSpecific', 'database'], ['licenseWord', 'licenseGeneric', 'zhengbanhua']] },
  { entry: 'software-license', all: [['licenseSpecific']] },
  { entry: 'office-software', all: [['officeSoftware']] },
  // 正版化 on its own is the office-software licensing campaign the table excludes.
  { entry: 'office-software', all: [['zhengbanhua']] },
  { entry: 'security-assessment', all: [['dengbao'], ['rectify']] },
  // cost types the table excludes outright
  { entry: 'staff-salary', all: [['salary']] },
  { entry: 'travel', all: [['travel']] },
  { entry: 'office-consumables', all: [['consumables']] },
  { entry: 'business-system', all: [['trainingSystem']] },
  { entry: 'training-fee', all: [['training']] },
  { entry: 'office-facilities', all: [['furniture']] },
  // devices
  { entry: 'mobile-terminal', all: [['mobile', 'tablet'], ['collect', 'dataTerminal', 'dataCollection']] },
  { entry: 'mobile-terminal', all: [['mobile']] },
  { entry: 'data-terminal', all: [['dataTerminal']] },
  { entry: 'data-collection', all: [['remoteData']] },
  { entry: 'video-conference', all: [['videoConf']] },
  { entry: 'building-intelligence', all: [['building']] },
  { entry: 'camera', all: [['camera']] },
  { entry: 'remote-sensing', all: [['remoteSensing']] },
  { entry: 'sensor', all: [['sensor']] },
  { entry: 'rfid', all: [['rfid']] },
  { entry: 'other-sensing', all: [['otherSensing']] },
  // assessments and project services
  { entry: 'grade-protection', all: [['dengbao']] },
  { entry: 'security-consulting', all: [['securityConsult']] },
  { entry: 'security-assessment', all: [['securityAssess']] },
  { entry: 'software-testing', all: [['softwareTest']] },
  { entry: 'system-testing', all: [['systemTest']] },
  { entry: 'design-consulting', all: [['designConsult']] },
  { entry: 'tendering-agent', all: [['tendering']] },
  { entry: 'engineering-supervision', all: [['supervision']] },
  { entry: 'standards', all: [['standards']] },
  // infrastructure
  { entry: 'cloud-service', all: [['cloud']] },
  { entry: 'office-facilities', all: [['officeEquip']] },
  { entry: 'phone-line', all: [['phone']] },
  { entry: 'server-storage', all: [['serverStorage']] },
  // The 机房环境 row is a room's running costs (物管费、电费); building one is not in the table (武汉第十二条 forbids it).
  { entry: null, all: [['machineSite'], ['build']] },
  { entry: 'machine-room', all: [['machineRoom']] },
  { entry: 'computer', all: [['computer', 'tablet']] },
  { entry: 'egov-extranet', all: [['extranet']] },
  { entry: 'egov-intranet', all: [['intranet']] },
  { entry: 'internet', all: [['internet']] },
  { entry: 'private-network', all: [['privateNet']] },
  { entry: 'private-network', all: [['privateOwn']] },
  { entry: 'lan', all: [['lan', 'intranetBare']] },
  { entry: 'office-facilities', all: [['officeFacility']] },
  { entry: 'meeting-room-upgrade', all: [['meetingRoom']] },
  // data
  { entry: 'gov-base-data', all: [['baseData']] },
  { entry: 'gov-theme-data', all: [['themeData']] },
  // A system or platform FOR collecting or processing data is a business system; the table's conditional
  // 数据采集/数据加工处理 rows are the collection and processing work itself.
  { entry: 'business-system', all: [['dataCollection', 'dataProcessing'], ['bizSystem']] },
  { entry: 'business-system', all: [['dataCollection', 'dataProcessing'], ['bizBare']], unless: ['fee'] },
  { entry: 'data-collection', all: [['dataCollection']] },
  { entry: 'data-processing', all: [['dataProcessing']] },
  // O&M supplies
  { entry: 'spare-parts', all: [['spareParts']] },
  { entry: 'om-tools', all: [['omTools']] },
  { entry: 'service-desk', all: [['serviceDesk']] },
  { entry: 'special-vehicle', all: [['vehicle']] },
  // named systems, then the general ones
  { entry: 'hr-system', all: [['hrSystem']] },
  { entry: 'finance-system', all: [['financeSystem']] },
  { entry: 'office-automation', all: [['oa']] },
  { entry: 'public-service-website', all: [['publicWebsite']] },
  { entry: 'software-license', all: [['licenseGeneric']] },
  { entry: 'business-system', all: [['bizSystem', 'meetingSystem', 'miniProgram', 'appWord']] },
  { entry: 'business-system', all: [['bizBare']], unless: ['fee'] },
];
