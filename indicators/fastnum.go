package indicators

// fastNumber reads the commonest cells without big numbers: digits, with
// the dialect's thousands separator grouping them by three and its decimal
// separator, and a "€" after them; at most 18 digits (15 in a raw xlsx
// number, which is rounded to Excel's 15 beyond them), so that the value
// n / 10^scale fits in a uint64. ok is false for anything else: a sign,
// another currency, a space inside, an exponent, more digits. numParser
// then reads it, and explains why it is no number; so fastNumber only has
// to agree with numParser on what it accepts (FuzzParseNumber checks that).
// A million rows of five cells took 1 s through big.Int, a tenth of that
// this way.
func fastNumber(s string, d Dialect) (n uint64, scale int, ok bool) {
	var dec, group byte
	most := 18
	switch d {
	case German:
		dec, group = ',', '.'
	case English:
		dec, group = '.', ','
	case Machine:
		dec, most = '.', excelDigits
	default:
		return 0, 0, false
	}
	if d != Machine {
		s = cutEuro(s)
	}
	i, digits := 0, 0
	for i < len(s) && isDigit(s[i]) {
		n = n*10 + uint64(s[i]-'0')
		i++
		if digits++; digits > most {
			return 0, 0, false
		}
	}
	if i == 0 || i > 3 && i < len(s) && s[i] == group {
		return 0, 0, false
	}
	for group != 0 && i < len(s) && s[i] == group {
		if i+4 > len(s) || !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			return 0, 0, false
		}
		if digits += 3; digits > most {
			return 0, 0, false
		}
		n = n*1000 + uint64(s[i+1]-'0')*100 + uint64(s[i+2]-'0')*10 + uint64(s[i+3]-'0')
		i += 4
	}
	if i < len(s) && s[i] == dec {
		i++
		start := i
		for i < len(s) && isDigit(s[i]) {
			n = n*10 + uint64(s[i]-'0')
			i++
			if digits++; digits > most {
				return 0, 0, false
			}
		}
		scale = i - start
		if scale == 0 {
			return 0, 0, false
		}
	}
	return n, scale, i == len(s)
}

// cutEuro drops a "€" after the number and the spaces before it, as in
// "1.234,56 €", a currency cell as German Excel exports it.
func cutEuro(s string) string {
	const euro = "€"
	if len(s) < len(euro) || s[len(s)-len(euro):] != euro {
		return s
	}
	s = s[:len(s)-len(euro)]
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

func isDigit(c byte) bool {
	return '0' <= c && c <= '9'
}
