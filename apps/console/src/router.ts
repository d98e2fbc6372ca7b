import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { whenUnauthorized } from './lib/api';
import { session, type Role } from './lib/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open the page; the menu shows only these. The API refuses the others regardless. */
    roles?: Role[];
    /** The menu entry, if the page has one. */
    menu?: string;
    title?: string;
  }
}

const CASEWORK: Role[] = ['caseworker', 'manager', 'admin'];
const OVERSIGHT: Role[] = ['manager', 'admin'];

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { title: '登录' } },
  {
    path: '/',
    component: () => import('./layout/ConsoleLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./pages/HomeRedirect.vue') },
      { path: 'dashboard', name: 'dashboard', component: () => import('./pages/manager/DashboardPage.vue'), meta: { roles: OVERSIGHT, menu: '工作概览', title: '工作概览' } },
      { path: 'digest', name: 'digest', component: () => import('./pages/digest/DigestPage.vue'), meta: { roles: ['unit_handler', 'caseworker', 'manager', 'admin'], menu: '每日提醒', title: '每日提醒' } },
      { path: 'inbox', name: 'inbox', component: () => import('./pages/unit/InboxPage.vue'), meta: { roles: ['unit_handler'], menu: '待办诉求', title: '待办诉求' } },
      { path: 'visits/new', name: 'log-visit', component: () => import('./pages/caseworker/LogVisitPage.vue'), meta: { roles: CASEWORK, menu: '登记走访', title: '登记走访' } },
      { path: 'visits', name: 'visits', component: () => import('./pages/caseworker/VisitListPage.vue'), meta: { roles: CASEWORK, menu: '走访记录', title: '走访记录' } },
      { path: 'problems', name: 'problems', component: () => import('./pages/problems/ProblemListPage.vue'), meta: { roles: ['caseworker', 'manager', 'admin', 'unit_handler'], menu: '诉求列表', title: '诉求列表' } },
      { path: 'problems/mine', name: 'my-problems', component: () => import('./pages/problems/ProblemListPage.vue'), props: { mine: true }, meta: { roles: ['caseworker'], menu: '我登记的诉求', title: '我登记的诉求' } },
      { path: 'problems/:id', name: 'problem', component: () => import('./pages/problems/ProblemPage.vue'), props: true, meta: { roles: ['caseworker', 'manager', 'admin', 'unit_handler'], title: '诉求详情' } },
      { path: 'enterprises', name: 'enterprises', component: () => import('./pages/enterprises/EnterpriseListPage.vue'), meta: { roles: CASEWORK, menu: '企业库', title: '企业库' } },
      { path: 'enterprises/new', name: 'register-enterprise', component: () => import('./pages/enterprises/RegisterEnterprisePage.vue'), meta: { roles: CASEWORK, menu: '新增企业', title: '新增企业' } },
      { path: 'enterprises/:uscc', name: 'enterprise', component: () => import('./pages/enterprises/EnterprisePage.vue'), props: true, meta: { roles: CASEWORK, title: '企业画像' } },
      { path: 'reports', name: 'reports', component: () => import('./pages/reports/MonthlyReportsPage.vue'), meta: { roles: OVERSIGHT, menu: '月报', title: '月报' } },
      { path: 'performance', name: 'performance', component: () => import('./pages/manager/UnitPerformancePage.vue'), meta: { roles: ['manager', 'admin', 'unit_handler'], menu: '单位考评', title: '单位考评' } },
      { path: 'certifications/import', name: 'certification-import', component: () => import('./pages/certifications/CertificationImportPage.vue'), meta: { roles: OVERSIGHT, menu: '认定名单导入', title: '认定名单导入' } },
      { path: 'account/password', name: 'change-password', component: () => import('./pages/account/ChangePasswordPage.vue'), meta: { title: '修改密码' } },
      { path: 'admin/users', name: 'users', component: () => import('./pages/admin/UsersPage.vue'), meta: { roles: ['admin'], menu: '用户管理', title: '用户管理' } },
      { path: 'admin/units', name: 'units', component: () => import('./pages/admin/UnitsPage.vue'), meta: { roles: ['admin'], menu: '处理单位', title: '处理单位' } },
      { path: 'admin/calendar', name: 'calendar', component: () => import('./pages/admin/CalendarPage.vue'), meta: { roles: ['admin'], menu: '工作日历', title: '工作日历' } },
      { path: 'admin/jobs', name: 'jobs', component: () => import('./pages/admin/JobsPage.vue'), meta: { roles: ['admin'], menu: '定时任务', title: '定时任务' } },
      { path: 'admin/projections', name: 'projections', component: () => import('./pages/admin/ProjectionsPage.vue'), meta: { roles: ['admin'], menu: '读模型状态', title: '读模型状态' } },
    ],
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: '页面不存在' } },
];

export const router = createRouter({ history: createWebHistory(), routes });

/** The first page of a role after login. */
export function homeOf(role: Role): string {
  return { caseworker: '/visits/new', unit_handler: '/inbox', manager: '/dashboard', admin: '/dashboard' }[role];
}

router.beforeEach((to) => {
  if (to.name === 'login' || to.name === 'not-found') return true;
  const user = session.user.value;
  if (!user || !session.token()) return { name: 'login', query: { redirect: to.fullPath } };
  const roles = to.matched.flatMap((r) => r.meta.roles ?? []);
  if (roles.length > 0 && !roles.includes(user.role)) return { path: homeOf(user.role), query: { denied: to.fullPath } };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 助企` : '助企';
});

// An expired or revoked token: back to login, and back to this page after it.
whenUnauthorized(() => {
  const current = router.currentRoute.value;
  if (current.name !== 'login') void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
});
