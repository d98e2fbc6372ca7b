/** Chinese names for the API's codes. The codes themselves are the API's (see libs/*\/domain). */
export const PROBLEM_CATEGORIES = ['融资', '用工', '用地', '审批', '政策', '市场', '物流', '科技创新', '基础设施', '其他'] as const;

export const PROBLEM_STATUS: Record<string, string> = {
  registered: '待交办',
  assigned: '待签收',
  accepted: '已签收',
  in_progress: '办理中',
  resolved: '已办结',
  followed_up: '已回访',
  closed: '已销号',
  merged: '已合并',
  withdrawn: '已撤回',
};

export const OUTCOMES: Record<string, string> = { solved: '已解决', explained_policy: '政策解释', long_term: '长期推进' };
export const SATISFACTIONS: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };
export const LEVELS: Record<string, string> = { district: '区级', city: '市级', province: '省级' };
export const VISIT_FORMS: Record<string, string> = { on_site: '实地走访', symposium: '座谈会', phone: '电话', online: '线上' };

export const CERTIFICATION_TYPES: Record<string, string> = {
  innovative_sme: '创新型中小企业',
  specialized_sme: '省级专精特新中小企业',
  little_giant: '国家级专精特新"小巨人"',
  single_champion: '单项冠军',
  high_tech: '高新技术企业',
  tech_sme: '科技型中小企业',
};
export const CERTIFICATION_STATUS: Record<string, string> = { valid: '有效', not_yet_valid: '未生效', expired: '已过期', revoked: '已撤销' };

/** History lines: the event type → what happened, in words. */
export const PROBLEM_EVENTS: Record<string, string> = {
  ProblemRegistered: '登记',
  ProblemCategorized: '调整类别',
  ProblemAssigned: '交办',
  ProblemAccepted: '签收',
  ProblemReturned: '退回',
  ProblemProgressReported: '办理进展',
  ProblemExtensionRequested: '申请延期',
  ProblemExtensionApproved: '批准延期',
  ProblemExtensionRejected: '驳回延期',
  ProblemEscalated: '提级',
  ProblemSupervisionIssued: '督办',
  ProblemFlaggedOverdue: '逾期预警',
  ProblemDuplicateMergedIn: '并入重复问题',
  ProblemResolved: '办结',
  ProblemFollowedUp: '回访',
  ProblemReopened: '重办',
  ProblemClosed: '销号',
  ProblemMerged: '合并',
  ProblemWithdrawn: '撤回',
};

/** Every event an enterprise's timeline can show: its own, its visits', problems', certifications' and subsidies'. */
export const ENTERPRISE_EVENTS: Record<string, string> = {
  EnterpriseRegistered: '企业入库',
  EnterpriseRenamed: '企业更名',
  EnterpriseRelocated: '企业迁址',
  VisitLogged: '走访',
  VisitVoided: '走访作废',
  ...Object.fromEntries(Object.entries(PROBLEM_EVENTS).map(([type, name]) => [type, `诉求${name}`])),
  CertificationGranted: '获得认定',
  CertificationRenewed: '认定复核通过',
  CertificationRevoked: '认定撤销',
  SubsidyApplied: '申报惠企资金',
  SubsidyMatched: '惠企资金免申即享匹配',
  SubsidyApproved: '惠企资金审核通过',
  SubsidyRejected: '惠企资金审核不通过',
  SubsidyAnnounced: '惠企资金公示',
  SubsidyDisbursed: '惠企资金拨付',
  SubsidyRecovered: '惠企资金追回',
};

export const label = (table: Record<string, string>, code: string | null | undefined): string =>
  code == null ? '—' : (table[code] ?? code);
