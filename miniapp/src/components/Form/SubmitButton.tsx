import { Button } from '@tarojs/components';
import { a11y } from '../../utils/a11y';

interface Props {
  id: string;
  /** what a screen reader says; also the visible text unless `text` is given */
  label: string;
  /** the visible text, where the label names more (e.g. 「修改」 for 「修改：第一期评议」) */
  text?: string;
  /** while the action runs (or before it can run, e.g. an empty text): greyed out, and a tap does nothing */
  busy?: boolean;
  secondary?: boolean;
  /** the spinner as well (the form's main action) */
  spinner?: boolean;
  onClick: () => void;
}

/** A form's action button: the one place its busy state is drawn and announced. */
export default function SubmitButton({ id, label, text, busy = false, secondary, spinner, onClick }: Props) {
  return (
    <Button
      id={id}
      className={`btn ${secondary ? 'btn--secondary' : 'btn--primary'}${busy ? ' btn--disabled' : ''}`}
      disabled={busy}
      loading={spinner ? busy : undefined}
      {...a11y({ role: 'button', label, disabled: busy })}
      onClick={onClick}
    >
      {text ?? label}
    </Button>
  );
}
