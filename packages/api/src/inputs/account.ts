import { input, text } from "./fields";

export const SignUpInput = input({
  username: text("username")
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9_.-]{2,31}$/,
      "username is 3-32 letters, digits or . _ - and starts with a letter or digit",
    ),
  name: text("name")
    .trim()
    .min(1, "name must not be empty")
    .max(128, "name has at most 128 characters"),
  password: text("password")
    .min(8, "password has at least 8 characters")
    .max(128, "password has at most 128 characters"),
});
