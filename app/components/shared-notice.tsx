/** On a page of something a coalition partner owns: who owns it, and that only its members can change it. */
export function SharedNotice({ owner, thing }: { owner: string; thing: "agency" | "product" | "request" | "vendor" }) {
  return (
    <p className="notice" role="note">
      {owner} shares this {thing} with your coalition. Only its members can change it.
    </p>
  );
}
