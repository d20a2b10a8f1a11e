import { z } from "zod";

// Every validation message in this app is an error code that the pages translate (messages:
// fieldErrors.<code>). Schemas name their own codes where it matters; whatever they leave
// unnamed — a wrong type, a missing field — gets one of these instead of zod's English sentence.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined ? "required" : "invalid";
      case "too_big":
        return issue.origin === "string"
          ? "too_long"
          : issue.origin === "array" || issue.origin === "set"
            ? "too_many"
            : "number_invalid";
      case "too_small":
        return issue.origin === "string"
          ? "required"
          : issue.origin === "array" || issue.origin === "set"
            ? "choose_one"
            : "number_invalid";
      default:
        return "invalid";
    }
  },
});

export {};
