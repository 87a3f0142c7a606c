"""Small real documents built in code (demo, tests, benchmark): no binaries in the repository."""

import io
from html import escape


def pdf(title: str, paragraphs: list[str]) -> bytes:
    from weasyprint import HTML

    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = (
        "<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans','Noto Sans Khmer',"
        "'Noto Sans Thai',sans-serif;font-size:11pt}</style></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTML(string=html).write_pdf()


def docx(title: str, paragraphs: list[str]) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.add_heading(title, level=1)
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx(title: str, rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pptx(title: str, slides: list[str]) -> bytes:
    from pptx import Presentation

    deck = Presentation()
    for text in [title, *slides]:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = text
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def txt(title: str, paragraphs: list[str]) -> bytes:
    return "\n\n".join([title, *paragraphs]).encode("utf-8")
