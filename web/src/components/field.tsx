// A labelled form control with its error beside it (aria-invalid + aria-describedby), so
// screen readers announce the violation with the field.
import type {ComponentChildren} from 'preact';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  multiline?: boolean;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email';
  onInput: (value: string) => void;
}

export function Field(props: FieldProps) {
  const errorId = `${props.id}-error`;
  const common = {
    id: props.id,
    value: props.value,
    required: props.required,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errorId : undefined,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type={props.type ?? 'text'} autoComplete={props.autoComplete}
               inputMode={props.inputMode} {...common} />
      )}
      {props.error && <p id={errorId} class="field-error" role="alert">{props.error}</p>}
    </div>
  );
}

// Messages for errors no visible field owns, or a failure without field details.
export function ErrorBanner({messages}: {messages: ComponentChildren[]}) {
  if (messages.length === 0) return null;
  return (
    <div class="banner banner-error" role="alert">
      {messages.map((m, i) => <p key={i}>{m}</p>)}
    </div>
  );
}
