/*
 * What enterprises ask for, by category (诉求), and what the units answer. Titles are short, as a
 * caseworker types them; the description says what the firm needs.
 */
import type { ProblemCategory } from '@app/support';

export interface ProblemText {
  title: string;
  description: string;
}

export const PROBLEM_TEXTS: Record<ProblemCategory, readonly ProblemText[]> = {
  融资: [
    { title: '流动资金贷款需求', description: '企业订单增长，需流动资金贷款约500万元，希望对接合作银行' },
    { title: '知识产权质押融资', description: '企业拥有发明专利12项，希望办理知识产权质押融资' },
    { title: '贷款贴息申请咨询', description: '咨询技改项目贷款贴息政策的申报条件和时间' },
    { title: '应收账款融资', description: '下游回款周期长，希望通过供应链金融盘活应收账款' },
  ],
  用工: [
    { title: '技术工人招聘困难', description: '数控操作工缺口约30人，希望协助组织专场招聘' },
    { title: '高层次人才落户', description: '引进博士2名，咨询人才公寓和子女入学政策' },
    { title: '稳岗补贴申领', description: '咨询失业保险稳岗返还的申领流程' },
    { title: '员工技能培训', description: '希望纳入职业技能提升培训补贴范围' },
  ],
  用地: [
    { title: '扩产用地需求', description: '拟扩大产能，需新增工业用地约30亩' },
    { title: '厂房租赁协调', description: '希望协调园区标准厂房租赁约5000平方米' },
    { title: '土地证办理滞后', description: '厂区不动产权证办理进度缓慢，影响抵押融资' },
  ],
  审批: [
    { title: '环评审批进度', description: '新建生产线环评报告已提交，希望加快审批' },
    { title: '施工许可办理', description: '二期厂房施工许可材料咨询，希望并联审批' },
    { title: '消防验收协调', description: '新厂房消防验收排期较晚，影响投产' },
  ],
  政策: [
    { title: '研发费用加计扣除', description: '咨询研发费用加计扣除的归集口径' },
    { title: '首台套保险补偿', description: '咨询首台（套）重大技术装备保险补偿申报' },
    { title: '专精特新申报辅导', description: '希望获得省级专精特新中小企业申报辅导' },
    { title: '高企认定政策咨询', description: '咨询高新技术企业认定条件和奖励政策' },
  ],
  市场: [
    { title: '产品推广对接', description: '希望推荐产品进入本地重点项目采购目录' },
    { title: '参加展会补贴', description: '咨询参加境外展会的费用补贴政策' },
    { title: '产业链上下游对接', description: '希望对接本地整车企业开展配套' },
  ],
  物流: [
    { title: '货车通行证办理', description: '原材料运输车辆需办理城区通行证' },
    { title: '进出口通关效率', description: '希望协调海关提高进口原料通关效率' },
  ],
  科技创新: [
    { title: '共建研发平台', description: '希望与高校共建省级工程技术研究中心' },
    { title: '科技成果转化', description: '寻求科技成果转化及中试基地支持' },
    { title: '科技项目申报', description: '咨询省重点研发计划项目申报' },
  ],
  基础设施: [
    { title: '园区道路破损', description: '厂区门前道路破损，大货车通行困难' },
    { title: '用电增容', description: '新增生产线需用电增容至2000千伏安' },
    { title: '天然气管网接入', description: '新厂区需接入天然气管网' },
    { title: '污水管网接驳', description: '厂区污水管网尚未接驳市政管网' },
  ],
  其他: [
    { title: '周边交通拥堵', description: '上下班高峰厂区周边拥堵，希望增设公交线路' },
    { title: '企业名称变更咨询', description: '咨询企业名称变更后资质证书的更新' },
  ],
};

export const SOLVED_SUMMARIES = ['已协调解决，企业确认', '已对接落实，问题解决', '已办结，相关手续已办理完毕', '经协调已落实到位'];
export const POLICY_SUMMARIES = ['已向企业做好政策解释，企业理解', '不符合现行政策条件，已解释说明'];
export const LONG_TERM_SUMMARIES = ['已纳入年度计划，分步推进', '涉及规划调整，列入长期跟踪'];
export const PROGRESS_NOTES = ['已与企业对接，正在办理', '已会同相关部门现场踏勘', '材料已受理，审核中', '已提出初步方案，征求企业意见'];
export const RETURN_REASONS = ['不属于本单位职责，建议交办相关部门', '诉求涉及事项由上级部门审批，请重新交办'];
