"""The request status machine: which actor may move a request from which status to which."""

from __future__ import annotations

from storage.models import ActorKind, RequestStatus

S = RequestStatus
A = ActorKind

# (from, to) -> actors allowed to make that move
TRANSITIONS: dict[tuple[RequestStatus, RequestStatus], frozenset[ActorKind]] = {
    (S.NEW, S.IN_PROGRESS): frozenset({A.STAFF}),
    (S.NEW, S.REJECTED): frozenset({A.STAFF}),
    (S.NEW, S.CANCELLED): frozenset({A.MEMBER}),
    (S.IN_PROGRESS, S.NEED_INFO): frozenset({A.STAFF}),
    (S.IN_PROGRESS, S.DONE): frozenset({A.STAFF}),
    (S.IN_PROGRESS, S.REJECTED): frozenset({A.STAFF}),
    # the member's answer (or staff themselves) puts it back to work
    (S.NEED_INFO, S.IN_PROGRESS): frozenset({A.STAFF, A.MEMBER}),
    (S.NEED_INFO, S.REJECTED): frozenset({A.STAFF}),
}

FINAL = frozenset({S.DONE, S.REJECTED, S.CANCELLED})


class TransitionError(ValueError):
    """A move the status machine does not allow; nothing is changed."""

    def __init__(self, current: RequestStatus, target: RequestStatus, actor: ActorKind) -> None:
        super().__init__(
            f"{actor.value} cannot move a request from {current.value} to {target.value}"
        )
        self.current = current
        self.target = target
        self.actor = actor


def allowed(current: RequestStatus, target: RequestStatus, actor: ActorKind) -> bool:
    return actor in TRANSITIONS.get((current, target), frozenset())


def check(current: RequestStatus, target: RequestStatus, actor: ActorKind) -> None:
    if not allowed(current, target, actor):
        raise TransitionError(current, target, actor)


def next_statuses(current: RequestStatus, actor: ActorKind) -> list[RequestStatus]:
    """Where this actor may move a request from `current` (for buttons)."""
    return [to for (frm, to), actors in TRANSITIONS.items() if frm == current and actor in actors]
