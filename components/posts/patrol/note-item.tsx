import { getTranslations } from "next-intl/server";
import { passNoteAction } from "@/lib/posts/patrol-actions";
import type { NoteDestination, NoteKind } from "@/vocabulary/posts";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/card";

/**
 * One thing a patrol saw: what, where, by whom (on the organisers' page), and where it went — or,
 * for someone who may pass it on, the two ways to pass it on.
 */
export async function PatrolNoteItem({
  note,
  author,
  canPass,
}: {
  note: {
    id: string;
    kind: NoteKind;
    place: string;
    body: string;
    passedTo: NoteDestination | null;
    handledAt: Date | null;
    handledNote?: string;
  };
  author?: string | null;
  canPass: boolean;
}) {
  const tn = await getTranslations("patrol.notes");
  return (
    <li className="flex flex-col gap-2 rounded-xl border border-line p-3">
      <p className="font-semibold">
        {tn(`kinds.${note.kind}`)}
        {note.place ? ` · ${note.place}` : ""}
        {author ? ` · ${author}` : ""}
      </p>
      <p className="text-lg break-words whitespace-pre-line">{note.body}</p>
      {note.passedTo ? (
        <p>
          <Badge tone={note.handledAt ? "green" : "gold"}>
            {note.handledAt ? tn("handled") : tn(`passed.${note.passedTo}`)}
          </Badge>
          {note.handledNote && <span className="ml-2">{note.handledNote}</span>}
        </p>
      ) : (
        canPass && (
          <div className="flex flex-wrap gap-3">
            <ActionButton
              action={passNoteAction}
              fields={{ noteId: note.id, to: "council" }}
              label={tn("toCouncilButton")}
            />
            <ActionButton
              action={passNoteAction}
              fields={{ noteId: note.id, to: "property" }}
              label={tn("toPropertyButton")}
            />
          </div>
        )
      )}
    </li>
  );
}
