/** An example roster: UTF-8 with a byte-order mark, so Excel opens the Chinese headers correctly. */
export function GET() {
  const body = "\uFEFF楼栋,单元,房号,户主\r\n美湖花园 9栋,1单元,101,王建国\r\n美湖花园 9栋,1单元,102,\r\n";
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="roster-template.csv"',
    },
  });
}
