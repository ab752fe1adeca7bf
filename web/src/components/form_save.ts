// A form's saving: whether a save is under way (its button disabled meanwhile) and what was
// refused, by field path. `save` runs the call; a refusal with google.rpc.BadRequest details
// shows beside the fields it names, any other failure as one message for the banner ('').
import {useState} from 'preact/hooks';
import {useI18n} from '../i18n/i18n';
import {errorMessage, fieldErrors, type FieldErrors} from '../lib/field_errors';

export function useFormSave() {
  const {t} = useI18n();
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);

  async function save(call: () => Promise<void>) {
    setBusy(true);
    try {
      await call();
    } catch (error) {
      const found = fieldErrors(error);
      if (found.size === 0) found.set('', errorMessage(error, t));
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }
  return {errors, setErrors, busy, save};
}
