"use client";

/** The add / edit form of a group-chat robot and its 停用 / 启用 button. */
import { useState, useTransition } from "react";
import { ActionForm, FieldError } from "@/app/_components/action-form";
import type { RobotView } from "@/lib/notify/robots/robots";
import { ROBOT_VENDORS } from "@/lib/notify/robots/schemas";
import { saveRobotAction, setRobotEnabledAction, testRobotAction } from "./actions";

export type ScopeOption = { value: string; label: string };

const PLACEHOLDERS: Record<string, string> = {
  wecom: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
  dingtalk: "https://oapi.dingtalk.com/robot/send?access_token=…",
  feishu: "https://open.feishu.cn/open-apis/bot/v2/hook/…",
};

export function RobotForm({ scopes, robot }: { scopes: ScopeOption[]; robot?: RobotView }) {
  const [vendor, setVendor] = useState<string>(robot?.vendor ?? "wecom");
  const scope = robot?.departmentId ? `dept:${robot.departmentId}` : robot?.reportId ? `report:${robot.reportId}` : "all";
  const key = robot?.id ?? "new";
  return (
    <ActionForm action={saveRobotAction} className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-6" resetOnSuccess={!robot}>
      {({ pending, fieldError }) => (
        <>
          {robot && <input type="hidden" name="id" value={robot.id} />}
          <div>
            <label className="label" htmlFor={`vendor-${key}`}>类型</label>
            <select id={`vendor-${key}`} name="vendor" className="input" value={vendor} onChange={(e) => setVendor(e.target.value)}>
              {Object.entries(ROBOT_VENDORS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </select>
          </div>
          <div>
            <label className="label" htmlFor={`name-${key}`}>名称</label>
            <input id={`name-${key}`} name="name" className="input" defaultValue={robot?.name} placeholder="如：党群工作部工作群" />
            <FieldError message={fieldError("name")} />
          </div>
          <div className="sm:col-span-2">
            <label className="label" htmlFor={`url-${key}`}>Webhook 地址</label>
            <input id={`url-${key}`} name="url" className="input font-mono" defaultValue={robot?.url} placeholder={PLACEHOLDERS[vendor]} autoComplete="off" />
            <FieldError message={fieldError("url")} />
          </div>
          <div>
            <label className="label" htmlFor={`secret-${key}`}>{vendor === "wecom" ? "密钥（企业微信无需）" : vendor === "dingtalk" ? "加签密钥（SEC…）" : "签名校验密钥"}</label>
            <input id={`secret-${key}`} name="secret" type="password" className="input disabled:bg-slate-100" autoComplete="new-password"
              placeholder={robot?.hasSecret ? "已设置（留空不变）" : "未设置"} disabled={vendor === "wecom"} />
            {robot?.hasSecret && vendor !== "wecom" && (
              <label className="mt-1 flex items-center gap-1 text-xs text-slate-600"><input type="checkbox" name="clearSecret" value="on" /> 清除密钥</label>
            )}
            <FieldError message={fieldError("secret")} />
          </div>
          <div>
            <label className="label" htmlFor={`scope-${key}`}>接收范围</label>
            <select id={`scope-${key}`} name="scope" className="input" defaultValue={scope}>
              {scopes.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
            </select>
            <FieldError message={fieldError("departmentId") ?? fieldError("reportId")} />
          </div>
          <div className="sm:col-span-2 lg:col-span-6">
            <button className={robot ? "btn" : "btn btn-primary"} disabled={pending}>{robot ? "保存" : "添加机器人"}</button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function ToggleRobotButton({ id, enabled }: { id: string; enabled: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button className={enabled ? "btn btn-danger" : "btn"} disabled={pending}
        onClick={() => start(async () => {
          const r = await setRobotEnabledAction(id, !enabled);
          setError(r.ok ? null : r.error);
        })}>
        {enabled ? "停用" : "启用"}
      </button>
      {error && <span role="alert" className="field-error">{error}</span>}
    </>
  );
}

/** 发送测试消息 and its outcome (the vendor's error when it failed). */
export function TestRobotButton({ id }: { id: string }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <>
      {result && <span role={result.ok ? "status" : "alert"} className={result.ok ? "text-xs text-green-700" : "field-error mt-0"}>{result.text}</span>}
      <button className="btn" disabled={pending}
        onClick={() => start(async () => {
          const r = await testRobotAction(id);
          setResult(r.ok ? { ok: true, text: r.message ?? "" } : { ok: false, text: r.error });
        })}>
        {pending ? "发送中…" : "发送测试消息"}
      </button>
    </>
  );
}
