/*
 * Tables of the demo zone's Chinese names: enterprises, parks, roads, people. The zone, its city and
 * every firm in it are invented; the shapes (name = place + brand + trade + form) follow real registers.
 */
import type { Prng } from './prng';

export const ZONE = { name: '云溪高新技术产业开发区', shortName: '云溪高新区', city: '江城市', province: '江南省' } as const;

export const PARKS = ['智能制造产业园', '生物医药产业园', '新材料产业园', '软件信息产业园', '科创孵化园', '综合保税区'] as const;

const ROADS = ['科创大道', '云溪路', '创业路', '高新大道', '学府路', '翠竹路', '长兴路', '经三路', '纬六路', '滨河东路', '光谷路', '明德路'];

/** Industry (as the registry records it), the trade word that goes into a firm's name, and its park. */
export const INDUSTRIES = [
  { industry: '通用设备制造业', words: ['智能装备', '精密机械', '机电设备', '液压科技'], park: '智能制造产业园', weight: 14 },
  { industry: '专用设备制造业', words: ['重工', '专用装备', '自动化'], park: '智能制造产业园', weight: 9 },
  { industry: '电气机械和器材制造业', words: ['电气', '电力设备', '新能源科技'], park: '智能制造产业园', weight: 9 },
  { industry: '计算机、通信和其他电子设备制造业', words: ['电子科技', '光电', '半导体', '微电子'], park: '科创孵化园', weight: 10 },
  { industry: '医药制造业', words: ['生物医药', '制药', '生物科技', '医疗器械'], park: '生物医药产业园', weight: 8 },
  { industry: '化学原料和化学制品制造业', words: ['新材料', '化工', '高分子材料'], park: '新材料产业园', weight: 7 },
  { industry: '汽车制造业', words: ['汽车零部件', '汽车电子', '车辆科技'], park: '智能制造产业园', weight: 6 },
  { industry: '仪器仪表制造业', words: ['仪器仪表', '检测设备', '传感技术'], park: '科创孵化园', weight: 5 },
  { industry: '软件和信息技术服务业', words: ['软件', '信息技术', '数据科技', '网络科技'], park: '软件信息产业园', weight: 16 },
  { industry: '科技推广和应用服务业', words: ['科技', '技术服务', '检测技术'], park: '科创孵化园', weight: 8 },
  { industry: '批发业', words: ['供应链管理', '贸易', '商贸'], park: '综合保税区', weight: 5 },
  { industry: '商务服务业', words: ['企业管理', '咨询服务', '人力资源'], park: '软件信息产业园', weight: 3 },
] as const;

const BRAND_CHARS = '瑞丰华泰恒信中天宏达鼎盛精诚卓越博远金石嘉禾永安昌隆汇通新锐智联星辰凯旋德润普惠远航明辉锦程东升泽润立信安捷腾飞奥兰宇创科睿'.split('');
const FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const PREFIXES = [ZONE.city.replace('市', ''), ZONE.city.replace('市', ''), '云溪', '江南', ''];

export function enterpriseName(rng: Prng, trade: string): string {
  const brand = rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS);
  return `${rng.pick(PREFIXES)}${brand}${trade}${rng.pick(FORMS)}`;
}

/** A new name for a renamed firm: same brand and trade, another form (股份制改造, 组建集团). */
export function renamedName(rng: Prng, name: string): string {
  const base = name.replace(/(股份有限公司|有限责任公司|有限公司)$/, '');
  const form = name.endsWith('股份有限公司') ? rng.pick(['集团股份有限公司', '控股集团有限公司']) : '股份有限公司';
  return base + form;
}

export function address(rng: Prng): string {
  return `${ZONE.city}${ZONE.shortName}${rng.pick(ROADS)}${rng.int(1, 399)}号`;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'.split('');
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '婷', '浩', '宇', '欣', '建华', '海燕', '志强', '晓东', '文博', '子涵', '雨萱', '俊杰'];

export function personName(rng: Prng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** Pinyin-ish user names would need a dictionary; numbered ones per role read well enough in a demo. */
export function username(role: string, n: number): string {
  return `demo.${role}${String(n).padStart(2, '0')}`;
}

export const VISIT_NOTES: Record<string, readonly string[]> = {
  on_site: ['深入生产车间，了解企业生产经营和订单情况', '走访企业研发中心，座谈技术攻关和人才需求', '实地查看新建厂房进度，听取企业发展规划', '走访企业，宣讲惠企政策并收集诉求'],
  symposium: ['参加园区企业座谈会，听取企业意见建议', '组织专精特新企业座谈，交流融资与市场开拓', '召开政企恳谈会，现场解答政策问题'],
  phone: ['电话回访企业经营情况', '电话了解企业用工和用电需求', '电话沟通政策申报进度'],
  online: ['线上视频会议了解企业诉求', '通过政企服务平台线上对接企业'],
};
