import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  GRIEVANCE_CONTENT_MAX,
  GRIEVANCE_CONTENT_MIN,
  GRIEVANCE_TOPIC_LABELS,
  GRIEVANCE_TOPICS,
  GRIEVANCE_TYPE_LABELS,
  GRIEVANCE_TYPES,
  grievanceContentProblem,
  normalizeText,
  routesToUpperLevel,
  type CreateGrievanceRequest,
  type GrievanceLimits,
  type GrievanceTopic,
  type GrievanceType,
} from '@pingjia/shared';
import ChoiceGroup, { type Choice } from '../../../components/ChoiceGroup';
import CountedTextarea from '../../../components/CountedTextarea';
import StatusView from '../../../components/StatusView';
import { requirePlatformConsent } from '../../../platform/privacy';
import { askToSubscribe, canSubscribe } from '../../../platform/subscribe';
import { handOverReceipt, type KnownHome } from '../../../services/grievanceDrafts';
import { createGrievance, grievanceTemplateId } from '../../../services/grievances';
import { placeLimits } from '../../../services/grievanceThread';
import { errorMessage, isApiRequestError } from '../../../services/request';
import { a11y, fieldA11y } from '../../../utils/a11y';
import { typeGuide } from '../../../utils/grievance';
import { param } from '../../../utils/url';
import HomeChooser from './HomeChooser';
import { contactProblem, grievanceHint, grievanceRequestOf, splitGrievanceErrors, type GrievanceErrors } from './form';
import { useGrievanceDraft } from './useGrievanceDraft';
import '../kit.less';
import './index.less';
import ActionButton from '../../../components/Form/ActionButton';

const typeChoices = (limits: GrievanceLimits | null): Array<Choice<GrievanceType>> =>
  GRIEVANCE_TYPES.map((key) => ({ key, label: GRIEVANCE_TYPE_LABELS[key], hint: typeGuide(key, limits) }));
const TOPIC_CHOICES: Array<Choice<GrievanceTopic>> = GRIEVANCE_TOPICS.map((key) => ({ key, label: GRIEVANCE_TOPIC_LABELS[key] }));

const ANONYMOUS_HINT =
  '处理人（本会工会主席或上级工会）看不到您的姓名、微信账号和电话，只看到诉求内容、类型、所在职工之家和日期，也无法主动联系您，答复会写在办理进度里。' +
  '您仍可以在本微信账号（网页版为本浏览器）的“我的诉求”里跟进、评价，或凭提交后显示的查询码查询进度。' +
  '请注意：如果内容里写了能认出您的细节，别人仍可能推断出是谁。';
const NAMED_HINT = '只有处理人能看到您的姓名（如账号中有）和您留下的手机号，用于联系您核实情况；其他会员和无关人员看不到。';
const ANONYMITY_CHOICES: Array<Choice<'yes' | 'no'>> = [
  { key: 'yes', label: '匿名提交', hint: ANONYMOUS_HINT },
  { key: 'no', label: '实名提交', hint: NAMED_HINT },
];

const SAVED = '您填写的内容已保存在本机。请稍后点击“重新提交”，不会重复生成诉求。';
const NETWORK_SAVED = `网络连接失败，${SAVED}`;
const PRIVACY_DECLINED = '需要您同意隐私保护说明后才能提交。您填写的内容已保存在本机。';
const MISMATCH =
  '您上次提交时网络中断，那次提交其实已经送达；之后内容有改动，所以没有再次提交。请点击下方按钮取回上次提交的诉求和查询码；如需补充，可以再提一条诉求。';

export default function GrievanceFormPage() {
  const { params } = useRouter();
  const [home, setHome] = useState<KnownHome | null>(() => {
    const homeId = param(params.homeId);
    return homeId ? { homeId, homeName: param(params.homeName) } : null;
  });
  const { draft, restored, stored, update, record, discard, finish } = useGrievanceDraft(home);
  const [errors, setErrors] = useState<GrievanceErrors>({});
  const [touched, setTouched] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const [templateId, setTemplateId] = useState<string | null>(null);

  const [limits, setLimits] = useState<GrievanceLimits | null>(null);

  useEffect(() => {
    if (canSubscribe) grievanceTemplateId().then(setTemplateId, () => undefined);
  }, []);

  // The limits of the province the grievance goes to; without an answer the types show their meaning only.
  useEffect(() => {
    setLimits(null);
    if (home) placeLimits(home).then(setLimits, () => undefined);
  }, [home]);

  if (!home) {
    return (
      <View className="page grievance-form" {...a11y({ role: 'main' })}>
        <HomeChooser onChoose={setHome} />
      </View>
    );
  }
  if (!draft) {
    return (
      <View className="page grievance-form" {...a11y({ role: 'main' })}>
        <StatusView kind="loading" text="正在加载…" />
      </View>
    );
  }

  const values = draft.values;
  const content = normalizeText(values.content);
  const contentShown = errors.content ?? (touched || content.length > 0 ? grievanceContentProblem(content) : null) ?? undefined;
  const contactShown = errors.contact ?? (values.anonymous === false ? contactProblem(values.contact) : null) ?? undefined;
  const hint = grievanceHint(values);
  const canSubmit = !hint && !submitting;
  const waiting = draft.unanswered !== null;
  const general = errors.general ?? draft.problem ?? undefined;
  const submitLabel = waiting ? '重新提交' : '提交诉求';
  const offerNotify = canSubscribe && templateId !== null;

  const clear = (...keys: Array<keyof GrievanceErrors>) =>
    setErrors((e) => {
      const next = { ...e, general: undefined };
      for (const k of keys) next[k] = undefined;
      return next;
    });

  const filed = (created: Awaited<ReturnType<typeof createGrievance>>, body: CreateGrievanceRequest) => {
    finish();
    handOverReceipt({ created, homeName: home.homeName, type: body.type, anonymous: body.anonymous });
    Taro.redirectTo({ url: `/pages/grievance/done/index` });
  };

  const send = async (body: CreateGrievanceRequest) => {
    try {
      filed(await createGrievance(body, draft.idempotencyKey), body);
    } catch (e) {
      const message = errorMessage(e);
      if (!isApiRequestError(e) || e.status === 0 || e.status >= 500) {
        // No answer: the server may have filed it. The same key on the next try gets that one back.
        record({ unanswered: body, problem: isApiRequestError(e) && e.status === 0 ? NETWORK_SAVED : `${message}。${SAVED}` });
        setErrors({});
      } else if (e.code === 'IDEMPOTENCY_MISMATCH' && draft.unanswered) {
        setMismatch(true);
      } else if (e.code === 'CONTENT_REFUSED') {
        record({ problem: message });
        setErrors({ content: message });
      } else if (e.fields) {
        record({ problem: message });
        setErrors(splitGrievanceErrors(e.fields, message));
      } else {
        record({ problem: e.status === 404 ? '未找到该职工之家，请重新扫描职工之家的二维码' : message });
        setErrors({});
      }
    }
  };

  const submit = async () => {
    setTouched(true);
    if (!canSubmit) return;
    setSubmitting(true);
    setErrors({});
    setMismatch(false);
    // weapp: WeChat's subscribe popup must come straight from the tap, and is asked once per draft so that a
    // retry sends the same body as the first try.
    let subscribed = draft.subscribed;
    if (offerNotify && values.notify && subscribed === null) {
      subscribed = await askToSubscribe(templateId!);
      record({ subscribed });
    }
    try {
      await requirePlatformConsent();
    } catch {
      setSubmitting(false);
      return setErrors({ general: PRIVACY_DECLINED });
    }
    const body = grievanceRequestOf(home, values, values.notify && subscribed === true);
    if (body) await send(body);
    setSubmitting(false);
  };

  /** After a mismatch: the body that did reach the server, sent again with its key, answers with its code. */
  const retrieve = async () => {
    if (!draft.unanswered || submitting) return;
    setSubmitting(true);
    await send(draft.unanswered);
    setSubmitting(false);
  };

  return (
    <View className="page grievance-form" {...a11y({ role: 'main' })}>
      <View className="card">
        <Text className="title" id="grievance-home">
          {home.homeName || '职工之家'}
        </Text>
        <Text className="note" id="grievance-intro">
          {home.toOrg
            ? '您所在单位没有职工之家：诉求直接交这一级工会办理（涉及工会工作的交上一级）。'
            : '向职工之家反映您遇到的劳动权益问题。'}
          工会将按时限受理、办理并答复，您可以随时查看进度并评价办理结果。
        </Text>
      </View>

      {restored && !waiting && (
        <View className="card gk__notice" id="grievance-draft-restored" {...a11y({ role: 'status' })}>
          <Text className="gk__block">已恢复您上次未提交的内容，请检查后提交。</Text>
          <ActionButton className="btn btn--secondary" id="grievance-discard-draft" label="放弃未提交的内容" onClick={discard} />
        </View>
      )}

      <View className="card">
        <ChoiceGroup
          idPrefix="grievance-type"
          title="诉求类型"
          layout="list"
          choices={typeChoices(limits)}
          value={values.type}
          error={errors.type}
          onChange={(type) => {
            update({ type });
            clear('type');
          }}
        />
      </View>

      <View className="card">
        <ChoiceGroup
          idPrefix="grievance-topic"
          title="诉求事项"
          choices={TOPIC_CHOICES}
          value={values.topic}
          error={errors.topic}
          onChange={(topic) => {
            update({ topic });
            clear('topic');
          }}
        />
        <Text
          className={`note grievance-form__route${values.topic && routesToUpperLevel(values.topic) ? ' grievance-form__route--on' : ''}`}
          id="grievance-topic-note"
        >
          对本单位工会或工会主席有意见、要投诉，请选“工会工作”：这类诉求直接交上级工会办理，本会工会主席看不到。
        </Text>
      </View>

      <View className="card">
        <Text className="field-label" id="grievance-content-label">
          诉求内容
        </Text>
        <Text className="note">
          请写清发生了什么、涉及的时间和单位、您希望怎样解决（{GRIEVANCE_CONTENT_MIN}～{GRIEVANCE_CONTENT_MAX} 字）。
        </Text>
        <CountedTextarea
          id="grievance-content"
          label="诉求内容"
          placeholder="例如：本单位从三月起拖欠工资，至今未发放……"
          value={values.content}
          max={GRIEVANCE_CONTENT_MAX}
          onInput={(content) => {
            update({ content });
            if (errors.content) clear('content');
          }}
          onBlur={() => setTouched(true)}
        />
        {contentShown && (
          <Text className="field-error" id="error-grievance-content">
            {contentShown}
          </Text>
        )}
      </View>

      <View className="card">
        <ChoiceGroup
          idPrefix="grievance-anonymous"
          title="是否匿名"
          layout="list"
          choices={ANONYMITY_CHOICES}
          value={values.anonymous === null ? null : values.anonymous ? 'yes' : 'no'}
          error={errors.anonymous}
          onChange={(key) => {
            update({ anonymous: key === 'yes' });
            clear('anonymous', 'contact');
          }}
        />
        {values.anonymous === false && (
          <>
            <Text className="field-label" id="grievance-contact-label">
              联系电话（选填）
            </Text>
            <Input
              id="grievance-contact"
              className="text-input"
              {...fieldA11y('联系电话（选填），仅处理人可见')}
              type="number"
              placeholder="11 位手机号，仅处理人可见"
              maxlength={13}
              value={values.contact}
              onInput={(e) => {
                update({ contact: e.detail.value });
                if (errors.contact) clear('contact');
              }}
            />
            {contactShown && (
              <Text className="field-error" id="error-grievance-contact">
                {contactShown}
              </Text>
            )}
          </>
        )}
      </View>

      {offerNotify && (
        <View className="card">
          <View
            id="grievance-notify"
            className={`grievance-form__check${values.notify ? ' grievance-form__check--on' : ''}`}
            {...a11y({ role: 'checkbox', label: '诉求有进展时通过微信通知我', checked: values.notify })}
            onClick={() => update({ notify: !values.notify })}
          >
            {values.notify ? '☑' : '☐'} 诉求有进展时通过微信通知我
          </View>
          <Text className="note">提交时微信会询问您是否允许；每次允许只能收到一条通知，通知里不含诉求内容。</Text>
        </View>
      )}

      {!stored && (
        <Text className="callout callout--error" id="grievance-not-stored">
          本机存储空间不足，未能保存草稿，请尽快提交。
        </Text>
      )}
      {waiting && !mismatch && (
        <View className="callout callout--error" id="grievance-saved" {...a11y({ role: 'alert' })}>
          {general ?? NETWORK_SAVED}
        </View>
      )}
      {mismatch && (
        <View className="card gk__notice" id="grievance-mismatch" {...a11y({ role: 'alert' })}>
          <Text className="gk__block">{MISMATCH}</Text>
          <Button
            className="btn btn--primary"
            id="grievance-retrieve"
            {...a11y({ role: 'button', label: '取回上次提交的诉求' })}
            loading={submitting}
            onClick={retrieve}
          >
            取回上次提交的诉求
          </Button>
        </View>
      )}
      {general && !waiting && (
        <View className="callout callout--error" id="grievance-submit-error" {...a11y({ role: 'alert' })}>
          {general}
        </View>
      )}
      {hint && (
        <Text className="note" id="grievance-submit-hint">
          {hint}
        </Text>
      )}
      <Button
        className={`btn btn--primary gk__wide${canSubmit ? '' : ' btn--disabled'}`}
        id="grievance-submit"
        {...a11y({ role: 'button', label: submitLabel, disabled: !canSubmit })}
        disabled={!canSubmit}
        loading={submitting}
        onClick={submit}
      >
        {submitLabel}
      </Button>
    </View>
  );
}
