// The form kit's field message (components/Form), under the name the staff pages import it by.
export { default } from '../../../components/Form/FieldMessage';
