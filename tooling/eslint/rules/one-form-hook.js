// The apps have one way to hold a form: useDomainForm from @tsumiki/ui, which checks the values
// with the domain's zod schema, shows the catalogue's messages in the user's language and never
// rewrites what was typed. A form library imported anywhere else starts a second way beside it,
// with its own timing and its own messages.

/** Form libraries the apps reach only through useDomainForm. */
export const FORM_LIBRARIES = ['@mantine/form', 'react-hook-form', 'formik', '@tanstack/react-form', 'final-form', 'react-final-form'];

/** @type {import('eslint').Rule.RuleModule} */
export const oneFormHook = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuses a form library outside the shared hook: forms use useDomainForm from @tsumiki/ui.' },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      library:
        "'{{source}}' imported outside the shared form hook: hold the form with useDomainForm(schema, { initialValues }) from @tsumiki/ui, with the domain's zod schema.",
    },
  },
  create(context) {
    const allow = context.options[0]?.allow ?? [];
    const file = context.filename.replaceAll('\\', '/');
    if (allow.some((suffix) => file.endsWith(suffix))) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      if (FORM_LIBRARIES.some((lib) => source === lib || source.startsWith(`${lib}/`)))
        context.report({ node, messageId: 'library', data: { source } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
