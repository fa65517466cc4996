using System.Globalization;
using System.Text;

namespace Hamgam.Emulators.Sheets;

/// <summary>
/// A deliberately small formula evaluator: numbers, strings, TRUE/FALSE, + - * / ^ &amp;, parentheses,
/// SUM and HYPERLINK. Anything else (cell references included) evaluates to <c>#NAME?</c>.
/// </summary>
internal sealed class Formula
{
    private readonly string _text;
    private int _position;

    private Formula(string text) => _text = text;

    public static CellValue Evaluate(string formula)
    {
        try
        {
            var parser = new Formula(formula[1..]);
            var value = parser.Expression();
            parser.SkipSpaces();
            return parser._position == parser._text.Length ? value : CellValue.ErrorOf("#ERROR!");
        }
        catch (FormatException)
        {
            return CellValue.ErrorOf("#NAME?");
        }
    }

    private CellValue Expression()
    {
        var left = Sum();
        while (Accept('&'))
        {
            left = CellValue.Of(Text(left) + Text(Sum()));
        }

        return left;
    }

    private CellValue Sum()
    {
        var left = Product();
        while (true)
        {
            if (Accept('+'))
            {
                left = CellValue.Of(Number(left) + Number(Product()));
            }
            else if (Accept('-'))
            {
                left = CellValue.Of(Number(left) - Number(Product()));
            }
            else
            {
                return left;
            }
        }
    }

    private CellValue Product()
    {
        var left = Power();
        while (true)
        {
            if (Accept('*'))
            {
                left = CellValue.Of(Number(left) * Number(Power()));
            }
            else if (Accept('/'))
            {
                var divisor = Number(Power());
                left = divisor == 0 ? CellValue.ErrorOf("#DIV/0!") : CellValue.Of(Number(left) / divisor);
            }
            else
            {
                return left;
            }
        }
    }

    private CellValue Power()
    {
        var left = Unary();
        return Accept('^') ? CellValue.Of(Math.Pow(Number(left), Number(Power()))) : left;
    }

    private CellValue Unary() => Accept('-') ? CellValue.Of(-Number(Unary())) : Accept('+') ? Unary() : Primary();

    private CellValue Primary()
    {
        SkipSpaces();
        if (Accept('('))
        {
            var inner = Expression();
            Expect(')');
            return inner;
        }

        if (_position < _text.Length && _text[_position] == '"')
        {
            return CellValue.Of(StringLiteral());
        }

        if (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
        {
            var start = _position;
            while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
            {
                _position++;
            }

            return CellValue.Of(double.Parse(_text.AsSpan(start, _position - start), CultureInfo.InvariantCulture));
        }

        return Function();
    }

    private CellValue Function()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiLetter(_text[_position]))
        {
            _position++;
        }

        var name = _text[start.._position].ToUpperInvariant();
        if (name is "TRUE" or "FALSE" && !Peek('('))
        {
            return CellValue.Of(name == "TRUE");
        }

        Expect('(');
        var args = new List<CellValue>();
        if (!Accept(')'))
        {
            do
            {
                args.Add(Expression());
            }
            while (Accept(','));
            Expect(')');
        }

        return name switch
        {
            "SUM" => CellValue.Of(args.Sum(Number)),
            "HYPERLINK" when args.Count is 1 or 2 => CellValue.Of(Text(args[^1])),
            _ => throw new FormatException(name),
        };
    }

    private string StringLiteral()
    {
        var text = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new FormatException("unterminated string");
            }

            if (_text[_position] == '"')
            {
                if (Peek('"', 1))
                {
                    text.Append('"');
                    _position += 2;
                    continue;
                }

                _position++;
                return text.ToString();
            }

            text.Append(_text[_position++]);
        }
    }

    private static double Number(CellValue value) => value.Kind switch
    {
        CellKind.Number => value.Number,
        CellKind.Bool => value.Bool ? 1 : 0,
        _ => double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException("#VALUE!"),
    };

    private static string Text(CellValue value) => value.Kind switch
    {
        CellKind.Number => CellRender.FormatNumber(value.Number),
        CellKind.Bool => value.Bool ? "TRUE" : "FALSE",
        _ => value.Text ?? string.Empty,
    };

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }

    private bool Peek(char ch, int offset = 0)
    {
        SkipSpaces();
        return _position + offset < _text.Length && _text[_position + offset] == ch;
    }

    private bool Accept(char ch)
    {
        if (!Peek(ch))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char ch)
    {
        if (!Accept(ch))
        {
            throw new FormatException($"expected {ch}");
        }
    }
}
