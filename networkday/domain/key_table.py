"""The app's key bindings as plain data, so ``check`` can judge ``[keys]`` without Textual.

One entry for each widget, screen or app class whose bindings carry ids, by class name:
``id=key`` for each key that class answers to, and ``=key`` for a key of Textual's own that
no id can remap (it can still be taken by a remap). A test compares it with the classes'
real ``BINDINGS``, so it cannot drift from them.
"""

from __future__ import annotations

_TABLE: dict[str, str] = {
    "NetworkdayApp": (
        "=ctrl+q =ctrl+c =tab =shift+tab go.today=1 go.contacts=2 go.journal=3 go.companies=4 go.review=5 "
        "app.help=question_mark app.problems=exclamation_mark timer.toggle=T timer.switch=O "
        "timer.sessions=S app.import=I app.sync=Y app.quit=q"
    ),
    "ChoiceModal": ("=tab =shift+tab =ctrl+c =super+c choice.cancel=escape"),
    "TextModal": ("=tab =shift+tab =ctrl+c =super+c text.cancel=escape"),
    "ContactForm": ("=tab =shift+tab =ctrl+c =super+c form.save=ctrl+s form.cancel=escape"),
    "HelpScreen": (
        "=tab =shift+tab =ctrl+c =super+c help.close=escape help.close=q help.close=question_mark list.down=j list.up=k"
    ),
    "ImportDialog": ("=tab =shift+tab =ctrl+c =super+c import.close=escape"),
    "JournalDays": (
        "=tab =shift+tab =ctrl+c =super+c journal_days.close=escape journal_days.search=slash journal_days.to_list=down"
    ),
    "LogPrompt": ("=tab =shift+tab =ctrl+c =super+c log.skip=escape log.more=ctrl+o"),
    "MergePreview": ("=tab =shift+tab =ctrl+c =super+c merge.confirm=enter merge.swap=s merge.cancel=escape"),
    "PickContact": ("=tab =shift+tab =ctrl+c =super+c pick.cancel=escape pick.results=down"),
    "PickPerson": ("=tab =shift+tab =ctrl+c =super+c pick_person.cancel=escape pick_person.results=down"),
    "PickValue": ("=tab =shift+tab =ctrl+c =super+c pick_value.cancel=escape pick_value.results=down"),
    "TemplateMessage": (
        "=tab =shift+tab =ctrl+c =super+c template.edit=e template.copy=y template.mail=o "
        "template.log_email=l template.log_message=m template.close=escape template.down=j template.up=k"
    ),
    "ProblemsScreen": ("=tab =shift+tab =ctrl+c =super+c problems.close=escape problems.close=q"),
    "SessionEditor": ("=tab =shift+tab =ctrl+c =super+c session.cancel=escape"),
    "SessionsScreen": (
        "=tab =shift+tab =ctrl+c =super+c sessions.close=escape sessions.close=q sessions.add=a "
        "sessions.edit=e sessions.edit=enter sessions.delete=d sessions.delete=delete "
        "sessions.prev_day=left_square_bracket sessions.next_day=right_square_bracket"
    ),
    "WelcomeScreen": (
        "=tab =shift+tab =ctrl+c =super+c welcome.demo=d welcome.import=i welcome.add=a welcome.close=escape"
    ),
    "CompaniesScreen": (
        "=tab =shift+tab =ctrl+c =super+c companies.target=t companies.add_opportunity=o "
        "companies.move_next=m companies.move_any=M companies.add=a"
    ),
    "CompanyScreen": (
        "=tab =shift+tab =ctrl+c =super+c company.back=escape company.target=t "
        "company.add_opportunity=o company.move_next=m company.move_any=M company.conflicts=x company.down=j "
        "company.up=k"
    ),
    "ContactScreen": (
        "=tab =shift+tab =ctrl+c =super+c contact.back=escape contact.log=l contact.follow_up=f "
        "contact.brief=b contact.plan=p contact.call=C contact.edit=e contact.copy=y contact.open_link=o "
        "contact.template=t contact.go_to=g "
        "contact.merge=m contact.not_same=N contact.delete=D contact.delete=delete contact.undo=u "
        "contact.conflicts=x contact.down=j "
        "contact.up=k"
    ),
    "ContactsScreen": (
        "=tab =shift+tab =ctrl+c =super+c contacts.search=slash contacts.clear=escape "
        "contacts.add=a contacts.edit=e contacts.filter_tag=t contacts.filter_company=c "
        "contacts.filter_targets_only=g contacts.filter_hiring_managers=h contacts.filter_due=d "
        "contacts.filter_losing_touch=l contacts.filter_never_contacted=n contacts.filter_none=x "
        "contacts.sort_name=N contacts.sort_company=C contacts.sort_last_touch=L "
        "contacts.sort_follow_up=F contacts.plan=p contacts.follow_up=f contacts.log=i "
        "contacts.merge=m contacts.delete=D contacts.delete=delete contacts.undo=u "
        "contacts.reread=ctrl+r"
    ),
    "JournalScreen": (
        "=tab =shift+tab =ctrl+c =super+c journal.write=e journal.leave=escape journal.rate=r "
        "journal.rate_up=plus journal.rate_up=equals_sign journal.rate_down=minus journal.browse=b "
        "journal.search=slash journal.people=p journal.prev_day=left_square_bracket "
        "journal.next_day=right_square_bracket journal.go_today=g journal.reload=R "
        "journal.keep_mine=W"
    ),
    "ReviewScreen": (
        "=tab =shift+tab =ctrl+c =super+c review.open=enter review.week=w review.month=m "
        "review.earlier=left_square_bracket review.later=right_square_bracket review.pipeline=p "
        "review.now=g"
    ),
    "TodayScreen": (
        "=tab =shift+tab =ctrl+c =super+c today.will=w today.wont=x today.no-answer=n "
        "today.left-message=m today.talked=t today.scheduled=s today.open=enter today.add=a "
        "today.accept=y today.remove=d today.remove=delete today.postpone=p today.channel=c "
        "today.purpose=u today.move_up=K today.move_down=J today.prev_day=left_square_bracket "
        "today.next_day=right_square_bracket today.go_today=g today.brief=b today.call=C today.conflicts=X"
    ),
    "ConflictsLayer": ("=tab =shift+tab =ctrl+c =super+c today.brief=b today.call=C today.conflicts=X"),
    "ConflictsScreen": (
        "=tab =shift+tab =ctrl+c =super+c conflicts.back=escape conflicts.back=q conflicts.keep=m conflicts.take=o"
    ),
    "BriefingScreen": ("=tab =shift+tab =ctrl+c =super+c today.brief=b"),
    "ServingScreen": ("=tab =shift+tab =ctrl+c =super+c today.brief=b"),
    "BriefScreen": (
        "=tab =shift+tab =ctrl+c =super+c brief.back=escape brief.down=j brief.up=k brief.call=c brief.template=t"
    ),
    "CallingScreen": ("=tab =shift+tab =ctrl+c =super+c today.brief=b today.call=C"),
    "CallScreen": ("=tab =shift+tab =ctrl+c =super+c call.end=ctrl+s call.leave=escape"),
    "CallOutcome": (
        "=tab =shift+tab =ctrl+c =super+c call_outcome.will=w call_outcome.wont=x call_outcome.no-answer=n "
        "call_outcome.left-message=m call_outcome.talked=t call_outcome.scheduled=s call_outcome.cancel=escape"
    ),
    "CallEndPrompt": ("=tab =shift+tab =ctrl+c =super+c log.skip=escape log.more=ctrl+o"),
    "CompanyList": (
        "list.cursor_up=up list.cursor_down=down =left =right list.first=home list.last=end "
        "list.page_up=pageup list.page_down=pagedown =ctrl+pageup =ctrl+pagedown list.down=j "
        "list.up=k list.open=enter"
    ),
    "ContactList": (
        "list.cursor_up=up list.cursor_down=down =left =right list.first=home list.last=end "
        "list.page_up=pageup list.page_down=pagedown =ctrl+pageup =ctrl+pagedown list.down=j "
        "list.up=k list.open=enter"
    ),
    "KeyList": (
        "list.cursor_up=up list.cursor_down=down =left =right list.first=home list.last=end "
        "list.page_up=pageup list.page_down=pagedown =ctrl+pageup =ctrl+pagedown =enter list.down=j "
        "list.up=k"
    ),
    "KeyTable": (
        "list.down=j list.up=k list.cursor_down=down list.cursor_up=up list.first=home "
        "list.last=end list.page_up=pageup list.page_down=pagedown list.left=left list.right=right"
    ),
    "QueueList": (
        "list.down=j list.up=k list.cursor_down=down list.cursor_up=up list.first=home "
        "list.last=end list.page_up=pageup list.page_down=pagedown"
    ),
    "RowList": (
        "list.cursor_up=up list.cursor_down=down =left =right list.first=home list.last=end "
        "list.page_up=pageup list.page_down=pagedown =ctrl+pageup =ctrl+pagedown list.down=j "
        "list.up=k list.open=enter"
    ),
    "VirtualList": (
        "list.cursor_up=up list.cursor_down=down =left =right list.first=home list.last=end "
        "list.page_up=pageup list.page_down=pagedown =ctrl+pageup =ctrl+pagedown list.down=j "
        "list.up=k list.open=enter"
    ),
}


def binding_groups() -> dict[str, list[tuple[str, str]]]:
    """Each class's bindings as ``(id, key)`` pairs; an empty id is a key no ``[keys]`` entry can move."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name, text in _TABLE.items():
        groups[name] = [(word.partition("=")[0], word.partition("=")[2]) for word in text.split()]
    return groups
