// Copies a text to the clipboard and says so.
import { useState } from 'preact/hooks'
import { Button } from './button.tsx'

export function CopyButton(props: { text: string; label?: string }) {
  const [copied, setCopied] = useState<'' | 'yes' | 'no'>('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text)
      setCopied('yes')
    } catch {
      setCopied('no')
    }
    setTimeout(() => setCopied(''), 2500)
  }
  return (
    <>
      <Button onClick={() => void copy()}>{props.label ?? 'Copy'}</Button>
      <span class="copy-result" aria-live="polite">
        {copied === 'yes' && 'Copied'}
        {copied === 'no' && 'Could not copy: select the text and copy it'}
      </span>
    </>
  )
}
