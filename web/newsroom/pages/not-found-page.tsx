// What an unknown address under /admin shows.
import { Link } from '../components/link.tsx'
import { PageHeader } from '../components/page-header.tsx'

export function NotFoundPage(props: { title?: string; message?: string }) {
  return (
    <>
      <PageHeader title={props.title ?? 'Not found'} />
      <p>{props.message ?? 'There is nothing at this address in the newsroom.'}</p>
      <p>
        <Link href="/admin/stories">Go to the stories</Link>
      </p>
    </>
  )
}
