"use client";

import { ActionForm, FieldError } from "@/app/_components/action-form";
import type { UserView } from "@/lib/accounts/users";
import { formatDateTime } from "@/lib/reports/relative-time";
import { createUserAction, resetPasswordAction, unlockUserAction, updateUserAction } from "../actions";

type Dept = { id: string; name: string };

const ROLE_OPTIONS = [
  ["editor", "撰稿人"],
  ["reviewer", "审核人"],
  ["admin", "管理员"],
] as const;

export function CreateUserForm({ departments }: { departments: Dept[] }) {
  return (
    <ActionForm action={createUserAction} className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-4" resetOnSuccess>
      {({ pending, fieldError }) => (
        <>
          <div>
            <label className="label" htmlFor="new-username">用户名</label>
            <input id="new-username" name="username" className="input" />
            <FieldError message={fieldError("username")} />
          </div>
          <div>
            <label className="label" htmlFor="new-name">姓名</label>
            <input id="new-name" name="displayName" className="input" />
            <FieldError message={fieldError("displayName")} />
          </div>
          <div>
            <label className="label" htmlFor="new-password">初始密码</label>
            <input id="new-password" name="password" type="password" className="input" autoComplete="new-password" />
            <FieldError message={fieldError("password")} />
          </div>
          <div>
            <label className="label" htmlFor="new-dept">部门</label>
            <select id="new-dept" name="departmentId" className="input" defaultValue="">
              <option value="" disabled>请选择</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
            <FieldError message={fieldError("departmentId")} />
          </div>
          <div>
            <label className="label" htmlFor="new-role">角色</label>
            <select id="new-role" name="role" className="input" defaultValue="editor">
              {ROLE_OPTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </select>
            <FieldError message={fieldError("role")} />
          </div>
          <div>
            <label className="label" htmlFor="new-email">通知邮箱（可不填）</label>
            <input id="new-email" name="email" type="email" className="input" autoComplete="off" placeholder="name@example.cn" />
            <FieldError message={fieldError("email")} />
          </div>
          <label className="flex items-center gap-1 whitespace-nowrap pt-6 text-sm">
            <input type="checkbox" name="lead" value="on" /> 部门负责人
          </label>
          <div className="pt-6">
            <button className="btn btn-primary" disabled={pending}>创建账号</button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function UserRow({ user, departments }: { user: UserView; departments: Dept[] }) {
  return (
    <tr data-testid={`user-${user.username}`} className={user.disabled ? "text-slate-400" : undefined}>
      <td className="font-mono">{user.username}</td>
      <td>{user.displayName}</td>
      <td><SignInLock user={user} /></td>
      <td>
        <ActionForm action={updateUserAction} className="flex flex-wrap items-center gap-2">
          {({ pending, fieldError }) => (
            <>
              <input type="hidden" name="userId" value={user.id} />
              <select name="departmentId" className="input w-32" defaultValue={user.departmentId} aria-label="部门">
                {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
              <select name="role" className="input w-24" defaultValue={user.role} aria-label="角色">
                {ROLE_OPTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
              <label className="flex items-center gap-1 whitespace-nowrap text-xs">
                <input type="hidden" name="disabled" value="off" />
                <input type="checkbox" name="disabled" value="on" defaultChecked={user.disabled} /> 停用
              </label>
              <label className="flex items-center gap-1 whitespace-nowrap text-xs">
                <input type="hidden" name="lead" value="off" />
                <input type="checkbox" name="lead" value="on" defaultChecked={user.lead} /> 部门负责人
              </label>
              <div>
                <input name="email" type="email" className="input w-48" defaultValue={user.email ?? ""} placeholder="通知邮箱（空：不发邮件）" aria-label="通知邮箱" autoComplete="off" />
                <FieldError message={fieldError("email")} />
              </div>
              <button className="btn" disabled={pending}>保存</button>
            </>
          )}
        </ActionForm>
      </td>
      <td>
        <ActionForm action={resetPasswordAction} className="flex items-start gap-2" resetOnSuccess>
          {({ pending, fieldError }) => (
            <>
              <input type="hidden" name="userId" value={user.id} />
              <div>
                <input name="password" type="password" className="input w-36" placeholder="新密码（至少8位）" aria-label="新密码" autoComplete="new-password" />
                <FieldError message={fieldError("password")} />
              </div>
              <button className="btn" disabled={pending}>重置</button>
            </>
          )}
        </ActionForm>
      </td>
    </tr>
  );
}

/** The account's sign-in lock (5 failed attempts): a 已锁定 badge with its end, and 解锁. */
function SignInLock({ user }: { user: UserView }) {
  if (!user.lockedUntil) return <span className="text-xs text-slate-400">正常</span>;
  return (
    <ActionForm action={unlockUserAction} className="flex items-center gap-2">
      {({ pending }) => (
        <>
          <input type="hidden" name="userId" value={user.id} />
          <span className="badge bg-red-100 text-red-700" title="登录失败次数过多，已暂时锁定" data-testid="locked-badge">
            已锁定至 {formatDateTime(new Date(user.lockedUntil!)).slice(11)}
          </span>
          <button className="btn" disabled={pending}>解锁</button>
        </>
      )}
    </ActionForm>
  );
}
