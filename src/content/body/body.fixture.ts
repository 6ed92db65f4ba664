// A body as a stock TipTap 3 editor saves it, with every node type, for tests.

export const tiptapDocument = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The council met on ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'Tuesday' },
        { type: 'hardBreak', marks: [{ type: 'bold' }] },
        {
          type: 'text',
          marks: [
            {
              type: 'link',
              attrs: {
                href: 'https://council.example.org/minutes',
                target: '_blank',
                rel: 'noopener noreferrer nofollow',
                class: null,
                title: null,
              },
            },
            { type: 'italic' },
          ],
          text: 'minutes',
        },
        { type: 'text', text: '.' },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What was decided' }] },
    {
      type: 'orderedList',
      attrs: { start: 3, type: null },
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'A new bridge' }] },
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'by 2027' }] }],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We listened.' }] }],
    },
    { type: 'horizontalRule' },
    { type: 'figure', attrs: { mediaId: 7, caption: 'The old bridge', credit: 'Ana Ruiz' } },
    {
      type: 'pullQuote',
      attrs: { attribution: 'The mayor' },
      content: [{ type: 'text', text: 'It is about time.' }],
    },
    { type: 'relatedArticle', attrs: { articleId: 42 } },
    { type: 'embed', attrs: { url: 'https://video.example.net/watch?v=1', title: 'The vote' } },
    { type: 'paragraph' },
  ],
}
