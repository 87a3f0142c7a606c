"""Whether the page a browser test has open fits its window: no sideways scroll, nothing cut off."""

# Visible tables and interactive elements whose box passes the left or right edge of the window.
# Those inside a wrapper meant to scroll a wide table sideways (.table-scroll, .table-wrap, Pico's
# .overflow-auto) are the wrapper's business while it does scroll; any other scrolling box is not
# excused (a page that scrolls inside its main instead of the root still misfits), nor is a
# wrapper around a stacked table (table.stack, cards below 768 px), which is meant to fit. A
# link wholly left of the window is parked there until focused (the skip link).
CUT_OFF = """(width) => {
  const found = [];
  const selector = 'table, a[href], button, input, select, textarea, summary, [role=button]';
  const wrappers = '.table-scroll, .table-wrap, .overflow-auto';
  const scrolls = el => {
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (!up.matches(wrappers) || up.querySelector(':scope > table.stack')) continue;
      const x = getComputedStyle(up).overflowX;
      if ((x === 'auto' || x === 'scroll') && up.scrollWidth > up.clientWidth) return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || (box.right <= 0 && el.matches('a'))) continue;
    if (getComputedStyle(el).visibility === 'hidden' || el.type === 'hidden') continue;
    if ((box.right > width + 1 || box.left < -1) && !scrolls(el)) {
      const name = (el.innerText || el.value || el.name || '').trim().slice(0, 30);
      const span = `${Math.round(box.left)}..${Math.round(box.right)}`;
      found.push(`${el.tagName.toLowerCase()} "${name}" spans ${span}`);
    }
  }
  return found;
}"""
# A phone's browser widens its layout viewport to fit content that overflows (window.innerWidth
# and the root's clientWidth grow with it), so the width set for the device is the bound as well.
OVERFLOW = "[document.scrollingElement.scrollWidth, window.innerWidth]"


def misfits(page) -> list[str]:
    """What does not fit the window: sideways scroll, and each element cut off at an edge."""
    scroll, inner = page.evaluate(OVERFLOW)
    width = min(inner, page.viewport_size["width"])
    found = []
    if scroll > width:
        found.append(f"scrolls sideways: {scroll} px content in a {width} px window")
    return found + page.evaluate(CUT_OFF, width)
