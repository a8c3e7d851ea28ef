import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  CRITERIA,
  commentProblem,
  normalizeText,
  ratingPrivacyNote,
  VERDICT_KEYS,
  VERDICT_LABELS,
  type CriterionKey,
} from '@pingjia/shared';
import ChoiceGroup from '../../components/ChoiceGroup';
import CommentField from '../../components/CommentField';
import GroupPicker from '../../components/GroupPicker';
import PrivacyNotice from '../../components/PrivacyNotice';
import StarRating from '../../components/StarRating';
import StatusView from '../../components/StatusView';
import { needsOwnNotice, recordConsent, requirePlatformConsent } from '../../platform/privacy';
import { draftKey } from '../../services/drafts';
import { DRAFT_REFUSED, RATING_SENT, isNetworkFailure, sendQueuedDrafts, sendRating } from '../../services/outbox';
import { errorMessage, isApiRequestError } from '../../services/request';
import { a11y } from '../../utils/a11y';
import { formatDeadline, isBefore } from '../../utils/format';
import { targetFromParams, targetQuery } from '../../utils/target';
import { pageUrl } from '../../utils/url';
import { missingHint, splitFieldErrors, type FormErrors } from './form';
import { useRatingForm } from './useRatingForm';
import './index.less';

const VERDICT_CHOICES = VERDICT_KEYS.map((key) => ({ key, label: VERDICT_LABELS[key] }));

const PRIVACY_DECLINED = '需要您同意隐私保护说明后才能提交评议。您填写的内容已保存在本机。';

export default function RatePage() {
  const { params } = useRouter();
  const target = useMemo(() => targetFromParams(params), [params]);
  const { homeId, campaignId, closesAt } = target;
  const form = useRatingForm(target);
  const { values, draft } = form;
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [asking, setAsking] = useState(false);
  const leaving = useRef(false);

  useEffect(() => {
    form.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  // A draft sent in the background (network back, app shown again) ends here like a direct submit.
  useEffect(() => {
    const key = draftKey(campaignId, homeId);
    const onSent = (sentKey: string) => {
      if (sentKey !== key || leaving.current) return;
      leaving.current = true;
      Taro.redirectTo({
        url: pageUrl('/pages/thanks/index', { ...targetQuery(target), changed: form.existing || draft?.changing ? '1' : '' }),
      });
    };
    const onRefused = (refusedKey: string, message: string) => {
      if (refusedKey !== key) return;
      form.setDraft((d) => (d ? { ...d, queued: false, problem: message } : d));
      setErrors({ general: message });
    };
    Taro.eventCenter.on(RATING_SENT, onSent);
    Taro.eventCenter.on(DRAFT_REFUSED, onRefused);
    return () => {
      Taro.eventCenter.off(RATING_SENT, onSent);
      Taro.eventCenter.off(DRAFT_REFUSED, onRefused);
    };
  }, [target, campaignId, homeId, form, draft]);

  useDidShow(() => {
    sendQueuedDrafts().catch(() => undefined);
  });

  if (!homeId || !campaignId) {
    return (
      <View className="page rate" {...a11y({ role: 'main' })}>
        <StatusView kind="empty" text="请扫描职工之家的二维码，从职工之家页面进入评议" />
      </View>
    );
  }
  if (!isBefore(closesAt)) {
    return (
      <View className="page rate" {...a11y({ role: 'main' })}>
        <StatusView kind="empty" id="rate-closed" text={`本轮评议已于${formatDeadline(closesAt)}截止，不能再提交或修改评议。`} />
      </View>
    );
  }
  if (form.load.kind === 'loading') {
    return (
      <View className="page rate" {...a11y({ role: 'main' })}>
        <StatusView kind="loading" text="正在加载…" />
      </View>
    );
  }
  if (form.load.kind === 'error') {
    return (
      <View className="page rate" {...a11y({ role: 'main' })}>
        <StatusView kind="error" text={form.load.message} onRetry={form.reload} />
      </View>
    );
  }

  const normalized = normalizeText(values.comment);
  const hint = missingHint(values.scores, values.verdict);
  const canSubmit = !hint && !commentProblem(normalized) && !submitting;
  const changing = form.existing !== null || (draft?.changing ?? false);
  const general = errors.general ?? draft?.problem ?? undefined;
  const submitLabel = draft?.queued ? '立即重新发送' : changing ? '提交修改' : '提交评议';

  const clearError = (...keys: Array<keyof FormErrors>) =>
    setErrors((e) => {
      const next = { ...e, general: undefined };
      for (const k of keys) next[k] = undefined;
      return next;
    });

  const setScore = (key: CriterionKey, score: number) => {
    form.update({ scores: { ...values.scores, [key]: score } });
    clearError(key);
  };

  const submit = async (consented = false) => {
    if (!canSubmit) return;
    // H5: our own notice, once per device; weapp: WeChat's privacy popup (at once when already agreed).
    if (!consented && needsOwnNotice()) return setAsking(true);
    setSubmitting(true);
    setErrors({});
    try {
      await requirePlatformConsent();
    } catch {
      setSubmitting(false);
      return setErrors({ general: PRIVACY_DECLINED });
    }
    // On the device first: whatever happens to the request, the words are kept.
    const saved = form.persist(values);
    try {
      await sendRating(saved); // the RATING_SENT listener above moves on to the thank-you page
    } catch (e) {
      if (isNetworkFailure(e)) {
        form.persist(values, true);
      } else if (isApiRequestError(e) && e.code === 'MEMBERSHIP_REQUIRED') {
        leaving.current = true;
        Taro.redirectTo({ url: pageUrl('/pages/membership/index', targetQuery(target)) });
      } else {
        const message = errorMessage(e);
        form.persist(values, false, message);
        if (isApiRequestError(e) && e.status === 422) setErrors({ comment: message });
        else if (isApiRequestError(e) && e.fields) setErrors(splitFieldErrors(e.fields, message));
        else setErrors({ general: message });
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="page rate" {...a11y({ role: 'main' })}>
      <Text className="rate__intro" id="rate-intro">
        {changing
          ? `您已评议过，本次提交将修改原来的评议。${formatDeadline(closesAt)}截止前都可以修改。`
          : '请根据您的实际感受，为本职工之家的五个方面打分。评议不记名。'}
      </Text>
      <Text className="rate__privacy" id="rate-privacy">
        {ratingPrivacyNote()}
      </Text>
      {form.restored && !draft?.queued && draft && (
        <View className="card rate__notice" id="draft-restored" {...a11y({ role: 'status' })}>
          <Text className="rate__notice-text">已恢复您上次未提交的内容，请检查后提交。</Text>
          <Button
            className="btn btn--secondary"
            id="discard-draft"
            {...a11y({ role: 'button', label: '放弃未提交的内容' })}
            onClick={form.discard}
          >
            {changing ? '放弃修改，恢复为已提交的评议' : '放弃未提交的内容'}
          </Button>
        </View>
      )}
      {CRITERIA.map((c) => (
        <StarRating key={c.key} criterion={c} value={values.scores[c.key]} error={errors[c.key]} onChange={(n) => setScore(c.key, n)} />
      ))}
      <View className="card">
        <ChoiceGroup
          idPrefix="verdict"
          title="总体评价"
          choices={VERDICT_CHOICES}
          value={values.verdict}
          error={errors.verdict}
          onChange={(verdict) => {
            form.update({ verdict });
            clearError('verdict');
          }}
        />
      </View>
      <CommentField
        value={values.comment}
        error={errors.comment}
        onChange={(comment) => {
          form.update({ comment });
          if (errors.comment) clearError('comment');
        }}
      />
      <GroupPicker
        value={values.groups}
        error={errors.groups}
        onChange={(groups) => {
          form.update({ groups });
          clearError('groups');
        }}
      />
      {draft?.queued && (
        <View className="card rate__notice rate__notice--saved" id="draft-saved" {...a11y({ role: 'status' })}>
          网络连接失败，您的评议已保存在本机，网络恢复后会自动发送，无需重新填写。
        </View>
      )}
      {general && !draft?.queued && (
        <View className="callout callout--error" id="submit-error" {...a11y({ role: 'alert' })}>
          {general}
        </View>
      )}
      {hint && (
        <Text className="rate__missing" id="submit-hint">
          {hint}
        </Text>
      )}
      {asking ? (
        <PrivacyNotice
          onAgree={() => {
            recordConsent();
            setAsking(false);
            submit(true);
          }}
          onDecline={() => {
            setAsking(false);
            setErrors({ general: PRIVACY_DECLINED });
          }}
        />
      ) : (
        <Button
          className={`btn btn--primary rate__submit${canSubmit ? '' : ' btn--disabled'}`}
          id="submit-rating"
          {...a11y({ role: 'button', label: submitLabel, disabled: !canSubmit })}
          disabled={!canSubmit}
          loading={submitting}
          onClick={() => submit()}
        >
          {submitLabel}
        </Button>
      )}
    </View>
  );
}
