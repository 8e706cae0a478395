import { Button, Flex } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalImageUploaded } from './usePortalNews';

// The image dialog (antd's Modal, the upload) loads on the first press of "Chèn ảnh".
const InsertImageDialog = lazy(() => import('./InsertImageDialog'));

/** The <img> an uploaded image becomes: its variants in srcset, its size against layout shift, its description. */
const imageElementOf = (image: PortalImageUploaded, alt: string): HTMLImageElement => {
  const img = document.createElement('img');
  img.setAttribute('src', image.src);
  img.setAttribute('srcset', image.srcset);
  img.setAttribute('sizes', image.sizes);
  img.setAttribute('alt', alt);
  img.setAttribute('width', String(image.width));
  img.setAttribute('height', String(image.height));
  return img;
};

/**
 * A light rich-text editor: a contentEditable region and a toolbar of the formats the server keeps (headings,
 * paragraphs, lists, links, bold, italic). The browser's editing commands produce the markup; whatever they
 * produce, the server sanitises it with its allow-list before storing (usecases/portal-content/sanitize-body.ts),
 * so the editor needs no sanitiser of its own. No library: a few KB against a budgeted console page. "Chèn ảnh"
 * uploads an image with its required description and inserts it where the caret was.
 */
export const RichTextEditor = ({
  id,
  initialHtml,
  onChange,
  labelledBy,
}: {
  id: string;
  initialHtml: string;
  onChange: (html: string) => void;
  labelledBy: string;
}) => {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const caret = useRef<Range | undefined>(undefined);
  const [imageOpen, setImageOpen] = useState(false);
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== initialHtml) {
      ref.current.innerHTML = initialHtml;
    }
  }, [initialHtml]);
  const run = (command: string, value?: string) => {
    ref.current?.focus();
    // execCommand is deprecated but still the only built-in way to edit a contentEditable region.
    document.execCommand(command, false, value);
    onChange(ref.current?.innerHTML ?? '');
  };
  /** Keeps where the caret was in the body, so the image goes there once the dialog closes. */
  const keepCaret = () => {
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    caret.current = range && ref.current?.contains(range.commonAncestorContainer) ? range.cloneRange() : undefined;
  };
  const insertImage = (image: PortalImageUploaded, alt: string) => {
    setImageOpen(false);
    const editor = ref.current;
    if (!editor) {
      return;
    }
    const img = imageElementOf(image, alt);
    const range = caret.current;
    caret.current = undefined;
    if (range) {
      range.deleteContents();
      range.insertNode(img);
    } else {
      const paragraph = document.createElement('p');
      paragraph.append(img);
      editor.append(paragraph);
    }
    onChange(editor.innerHTML);
  };
  const tools: { key: string; label: string; text: string; run: () => void }[] = [
    { key: 'b', label: t('portalNews.bold'), text: 'B', run: () => run('bold') },
    { key: 'i', label: t('portalNews.italic'), text: 'I', run: () => run('italic') },
    { key: 'h2', label: t('portalNews.heading2'), text: 'H2', run: () => run('formatBlock', 'h2') },
    { key: 'h3', label: t('portalNews.heading3'), text: 'H3', run: () => run('formatBlock', 'h3') },
    { key: 'p', label: t('portalNews.paragraph'), text: '¶', run: () => run('formatBlock', 'p') },
    { key: 'ul', label: t('portalNews.bulletList'), text: '•', run: () => run('insertUnorderedList') },
    { key: 'ol', label: t('portalNews.numberedList'), text: '1.', run: () => run('insertOrderedList') },
    {
      key: 'a',
      label: t('portalNews.link'),
      text: '🔗',
      run: () => {
        const href = window.prompt(t('portalNews.linkPrompt'));
        if (href) {
          run('createLink', href);
        }
      },
    },
  ];
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}>
      <Flex
        role="toolbar"
        aria-label={t('portalNews.toolbar')}
        gap={4}
        wrap
        style={{ padding: 6, borderBottom: '1px solid #f0f0f0' }}
      >
        {tools.map((tool) => (
          <Button key={tool.key} size="small" aria-label={tool.label} title={tool.label} onClick={tool.run}>
            {tool.text}
          </Button>
        ))}
        <Button
          size="small"
          onMouseDown={keepCaret}
          onClick={() => {
            if (!caret.current) {
              keepCaret();
            }
            setImageOpen(true);
          }}
        >
          {t('portalNews.insertImage')}
        </Button>
      </Flex>
      {imageOpen ? (
        <Suspense fallback={null}>
          <InsertImageDialog onInsert={insertImage} onClose={() => setImageOpen(false)} />
        </Suspense>
      ) : null}
      {/* biome-ignore lint/a11y/useSemanticElements: a rich-text region is contentEditable; a textarea holds plain text only */}
      <div
        id={id}
        ref={ref}
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelledBy}
        contentEditable
        suppressContentEditableWarning
        tabIndex={0}
        onInput={() => onChange(ref.current?.innerHTML ?? '')}
        style={{ minHeight: 220, padding: '8px 12px', outline: 'none' }}
      />
    </div>
  );
};
