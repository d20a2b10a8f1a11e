/**
 * Passwords that lists of leaked passwords put at the top, including those common in China
 * (number runs, birthdays patterns, pinyin phrases). Compared case-insensitively.
 */
const LIST = `
12345678 123456789 1234567890 0123456789 87654321 987654321 11111111 22222222 33333333 44444444
55555555 66666666 77777777 88888888 99999999 00000000 12341234 11223344 12121212 13131313
11112222 123123123 12344321 147258369 123654789 159357456 147852369 741852963 789456123 963852741
password password1 password123 passw0rd p@ssw0rd qwertyui qwerty123 qwertyuiop 1qaz2wsx 1q2w3e4r
1q2w3e4r5t zaq12wsx asdfghjk asdfasdf zxcvbnm1 abcd1234 abc12345 abcdefgh a1234567 aa123456
a12345678 aa12345678 a123456789 1234abcd 123456aa 123456abc 12345abc iloveyou iloveyou1 woaini1314
woaini520 wo5201314 5201314520 52013145 1314520520 13145200 woaini123 woaiwojia admin123 administrator
welcome1 sunshine monkey12 dragon12 football baseball superman princess trustno1 letmein1
qq123456 qq1234567 wang1234 zhang123 li123456 liu123456 chen1234 huang123 zhao1234 yang1234
aini1314 1234qwer qwer1234 asdf1234 zxcv1234 q1w2e3r4 linli123 meihu123 hefei123 anhui123
changeme computer internet whatever starwars master12 shadow12 michael1 jennifer
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON_PASSWORDS.has(p)) return true;
  // One character repeated, or a plain run of digits/letters, is as weak as the list.
  if (/^(.)\1+$/.test(p)) return true;
  return (
    "0123456789012345678901234567890".includes(p) ||
    "9876543210987654321098765432109".includes(p) ||
    "abcdefghijklmnopqrstuvwxyz".includes(p)
  );
}
