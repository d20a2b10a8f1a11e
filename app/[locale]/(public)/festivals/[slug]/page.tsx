import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getPublicProgramme } from "@/lib/festivals/queries";
import { applyLocale } from "@/lib/i18n/locale-params";
import { ProgrammePage } from "@/components/festivals/programme-page";
import { FestivalResults } from "./festival-results";

// Cached whole, per language, until an organiser publishes the programme or the stars' results,
// or a competition result comes in (each of those actions revalidates it).
export const revalidate = false;
export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  await applyLocale(params);
  const data = await getPublicProgramme(await getDb(), (await params).slug);
  return { title: data?.festival.title };
}

export default async function FestivalPage({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug } = await params;
  const programme = await getPublicProgramme(await getDb(), slug);
  if (!programme) notFound();
  return <ProgrammePage slug={slug} programme={programme} view="list" results={<FestivalResults slug={slug} />} />;
}
