"""Finding the words that name a meeting ("Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ tỉnh khóa XIX").

Used for Vietnamese, whose meeting names are formulaic; in other languages the verbs that end a name
are too many for a word list, and the model's copy is used alone.

The small model rarely copies a meeting's name exactly, so a rule looks for it too: a meeting word
(Hội nghị, Kỳ họp, conférence, réunion, meeting, совещание...) and what follows it, up to a
punctuation mark or a word that starts the rest of the sentence (a verb, "to", "on", "at").
"""

from __future__ import annotations

import re

_MEETING_WORDS = (
    r"hội nghị|kỳ họp|phiên họp|đại hội|hội thảo|"
    r"réunion|conférence|session|congrès|atelier|séance|assemblée|"
    r"meeting|conference|session|congress|plenum|workshop|"
    r"reunión|conferencia|sesión|congreso|pleno|reunião|conferência|sessão|congresso|plenária|riunione|seduta|"
    r"sitzung|konferenz|tagung|kongress|совещани\w*|заседани\w*|конференци\w*|засідання|нарад\w*|конференці\w*|пленум\w*"
)
_STOPS = (
    r"đã|được|để|nhằm|với|tại|vào|diễn ra|khai mạc|bế mạc|tổ chức|thảo luận|cho ý kiến|đánh giá|tiến hành|nghe|"
    r"xem xét|thông qua|sơ kết|tổng kết|triển khai|do|sáng|chiều|ngày|có|sắp|"
    r"a|ont|s'est|se|pour|afin|sur|le \d|à|en|qui|"
    r"was|were|has|had|is|on|to|in|at|with|held|opened|took|which|that|"
    r"fue|se|para|en|que|foi|em|para|che|per|si|ha|wurde|in|am|zur|um|"
    r"в|на|по|с|прошл\w*|состоял\w*|відбул\w*|провів|провела"
)
_NAME = re.compile(
    r"(?<!\w)(?:" + _MEETING_WORDS + r")(?:[^\S\n]+(?!(?:" + _STOPS + r")(?!\w))[^\s,.;:!?()«»\"“”]+){1,16}",
    re.IGNORECASE,
)


def meeting_name_in(text: str, limit: int = 1500) -> str | None:
    """The first meeting name of four words or more in the opening of ``text``, as written; or None."""
    for match in _NAME.finditer(text[:limit]):
        name = match[0].strip()
        if len(name.split()) >= 4:
            return name
    return None
