// A page that only tells the reader something: check your inbox, the link has expired, deleted.
import type { PageContext } from '../../site/page-context.ts'
import type { PageView } from '../../site/page-view.ts'
import { AccountLinks, accountFrame } from './account-form.tsx'

export function messagePage(props: {
  ctx: PageContext
  heading: string
  text: string
  links: { href: string; label: string }[]
}): PageView {
  return accountFrame({
    ctx: props.ctx,
    heading: props.heading,
    children: (
      <>
        <p class="account__message">{props.text}</p>
        <AccountLinks links={props.links} />
      </>
    ),
  })
}
