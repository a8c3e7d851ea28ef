import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import {
  COMMENT_MAX,
  CRITERIA,
  commentProblem,
  normalizeText,
  textLength,
  type CriterionKey,
  type RatingRequest,
  type Scores,
  type Verdict,
} from '@pingjia/shared'
import StarRating from '../../components/StarRating'
import StatusView from '../../components/StatusView'
import VerdictPicker from '../../components/VerdictPicker'
import { getMyRating, putMyRating } from '../../services/ratings'
import { errorMessage, isApiRequestError } from '../../services/request'
import { pageUrl, param } from '../../utils/url'
import { missingHint, splitFieldErrors, type FormErrors } from './form'
import { a11y } from '../../utils/a11y'
import './index.less'

export default function RatePage() {
  const { params } = useRouter()
  const homeId = param(params.homeId)
  const campaignId = param(params.campaignId)
  const closesAt = param(params.closesAt)
  const scene = param(params.scene)

  const [loading, setLoading] = useState(true)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [existing, setExisting] = useState(false)
  const [scores, setScores] = useState<Partial<Scores>>({})
  const [verdict, setVerdict] = useState<Verdict | undefined>()
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<FormErrors>({})
  const [submitting, setSubmitting] = useState(false)

  const load = useCallback(async () => {
    if (!homeId || !campaignId) return
    setLoading(true)
    setLoadError(null)
    try {
      const rating = await getMyRating(campaignId, homeId)
      if (rating) {
        setExisting(true)
        setScores(rating.scores)
        setVerdict(rating.verdict)
        setComment(rating.comment ?? '')
      }
    } catch (e) {
      setLoadError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [homeId, campaignId])

  useEffect(() => {
    load()
  }, [load])

  if (!homeId || !campaignId) {
    return (
      <View className='page rate'>
        <StatusView kind='empty' text='请从职工之家页面进入评议' />
      </View>
    )
  }
  if (loading) {
    return (
      <View className='page rate'>
        <StatusView kind='loading' text='正在加载…' />
      </View>
    )
  }
  if (loadError) {
    return (
      <View className='page rate'>
        <StatusView kind='error' text={loadError} onRetry={load} />
      </View>
    )
  }

  const normalized = normalizeText(comment)
  const count = textLength(normalized)
  const commentError = errors.comment ?? commentProblem(normalized) ?? undefined
  const hint = missingHint(scores, verdict)
  const canSubmit = !hint && !commentProblem(normalized) && !submitting

  const setScore = (key: CriterionKey, score: number) => {
    setScores((s) => ({ ...s, [key]: score }))
    setErrors((e) => ({ ...e, [key]: undefined, general: undefined }))
  }

  const submit = async () => {
    if (!canSubmit || !verdict) return
    const body: RatingRequest = { scores: scores as Scores, verdict }
    if (normalized) body.comment = normalized
    setSubmitting(true)
    setErrors({})
    try {
      await putMyRating(campaignId, homeId, body)
      Taro.redirectTo({ url: pageUrl('/pages/thanks/index', { closesAt, scene, homeId, campaignId }) })
    } catch (e) {
      if (isApiRequestError(e) && e.status === 409) setErrors({ general: '本轮评议已结束' })
      else if (isApiRequestError(e) && e.status === 422) setErrors({ comment: e.message })
      else if (isApiRequestError(e) && e.fields) setErrors(splitFieldErrors(e.fields, e.message))
      else setErrors({ general: errorMessage(e) })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='page rate'>
      <Text className='rate__intro'>
        {existing ? '您已评议过，可修改后重新提交。' : '请根据您的实际感受，为本职工之家的五个方面打分。'}
      </Text>
      {CRITERIA.map((c) => (
        <StarRating
          key={c.key}
          criterion={c}
          value={scores[c.key]}
          error={errors[c.key]}
          onChange={(n) => setScore(c.key, n)}
        />
      ))}
      <VerdictPicker
        value={verdict}
        error={errors.verdict}
        onChange={(v) => {
          setVerdict(v)
          setErrors((e) => ({ ...e, verdict: undefined, general: undefined }))
        }}
      />
      <View className='card rate__comment'>
        <Text className='rate__comment-title'>意见建议（选填）</Text>
        <Textarea
          id='comment'
          className='rate__textarea'
          aria-label='意见建议'
          placeholder='您对职工之家有什么意见或建议？'
          value={comment}
          maxlength={COMMENT_MAX}
          autoHeight
          onInput={(e) => {
            setComment(e.detail.value)
            if (errors.comment) setErrors((er) => ({ ...er, comment: undefined }))
          }}
        />
        <Text className={`rate__count${count > COMMENT_MAX ? ' rate__count--over' : ''}`} id='comment-count'>
          {count}/{COMMENT_MAX}
        </Text>
        {commentError && <Text className='field-error' id='error-comment'>{commentError}</Text>}
      </View>
      {errors.general && (
        <View className='field-error rate__general' id='submit-error' {...a11y({ role: 'alert' })}>
          {errors.general}
        </View>
      )}
      {hint && <Text className='rate__missing' id='submit-hint'>{hint}</Text>}
      <Button
        className={`btn btn--primary rate__submit${canSubmit ? '' : ' btn--disabled'}`}
        id='submit-rating'
        {...a11y({ role: 'button', label: '提交评议', disabled: !canSubmit })}
        disabled={!canSubmit}
        loading={submitting}
        onClick={submit}
      >
        提交评议
      </Button>
    </View>
  )
}
