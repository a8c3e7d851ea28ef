import TextField from './TextField';

interface Props {
  /** the two inputs' ids (their messages are `error-<id>`) */
  ids: [string, string];
  /** 新密码 on a change, 密码 on a new account */
  label: string;
  values: [string, string];
  onInput: [(v: string) => void, (v: string) => void];
  /** messages for the two (shared's newPasswordProblems, or the server's `fields`) */
  errors: [string | undefined, string | undefined];
}

/** A new password and the same again: the account, reset and invite pages all ask it this way. */
export default function NewPasswordFields({ ids, label, values, onInput, errors }: Props) {
  return (
    <>
      <TextField id={ids[0]} label={label} password value={values[0]} placeholder="至少 10 位" onInput={onInput[0]} error={errors[0]} />
      <TextField id={ids[1]} label={`再次输入${label}`} password value={values[1]} onInput={onInput[1]} error={errors[1]} />
    </>
  );
}
