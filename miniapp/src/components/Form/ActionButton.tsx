import { Button } from '@tarojs/components';
import { a11y } from '../../utils/a11y';

interface Props {
  id?: string;
  label: string;
  className?: string;
  /** it goes to another page (read out as a link) rather than acting here */
  link?: boolean;
  onClick: () => void;
}

/** A button whose words are also what a screen reader says: the one place that pairing is written. */
export default function ActionButton({ id, label, className, link, onClick }: Props) {
  return (
    <Button id={id} className={className} {...a11y({ role: link ? 'link' : 'button', label })} onClick={onClick}>
      {label}
    </Button>
  );
}
