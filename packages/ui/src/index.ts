// Shared React components: accessible, light and dark, user content rendered as text only.
export { Avatar } from "./avatar";
export { Button, type ButtonProps } from "./button";
export { cx } from "./class-names";
export { TextField, type TextFieldProps } from "./text-field";
