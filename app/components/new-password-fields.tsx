import { MIN_PASSWORD_LENGTH, PASSWORD_HINT } from "~/domain/password-rules";
import { TextField } from "./fields";

// The "choose a password, type it again" pair of the invitation and reset-password forms; field names match
// `newPasswordFields` in ~/domain/password-rules, so the server's errors land under the right input.

export function NewPasswordFields({
  errors,
  label = "Password",
}: {
  errors?: { password?: string[]; confirmPassword?: string[] };
  label?: string;
}) {
  return (
    <>
      <TextField
        id="password"
        name="password"
        type="password"
        label={label}
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={PASSWORD_HINT}
        errors={errors?.password}
      />
      <TextField
        id="confirm-password"
        name="confirmPassword"
        type="password"
        label={`Confirm ${label.toLowerCase()}`}
        autoComplete="new-password"
        required
        errors={errors?.confirmPassword}
      />
    </>
  );
}
