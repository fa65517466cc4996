using System.Globalization;
using System.Text.RegularExpressions;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

/// <summary>
/// A small subset of Notion formulas: literals, prop("Name") and internal property references, arithmetic,
/// comparisons, if/empty/not/and/or/length/concat. Anything else evaluates to an empty string.
/// </summary>
internal sealed partial class FormulaEvaluator(NotionDataSource dataSource, NotionPage page, Func<NotionProperty, NotionPage, object?> read)
{
    private string _text = string.Empty;
    private int _pos;

    public object? Evaluate(string expression)
    {
        _text = expression;
        _pos = 0;
        try
        {
            var value = Comparison();
            SkipSpace();
            return _pos == _text.Length ? value : string.Empty;
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }

    private object? Comparison()
    {
        var left = Additive();
        SkipSpace();
        foreach (var op in new[] { "==", "!=", ">=", "<=", ">", "<" })
        {
            if (Take(op))
            {
                var right = Additive();
                return Compare(op, left, right);
            }
        }
        return left;
    }

    private static bool Compare(string op, object? left, object? right)
    {
        if (op is "==" or "!=")
        {
            var equal = Equals(Normalize(left), Normalize(right));
            return op == "==" ? equal : !equal;
        }
        var l = ToNumber(left);
        var r = ToNumber(right);
        return op switch { ">" => l > r, "<" => l < r, ">=" => l >= r, _ => l <= r };
    }

    private object? Additive()
    {
        var value = Multiplicative();
        while (true)
        {
            SkipSpace();
            if (Take("+"))
            {
                var right = Multiplicative();
                value = value is string || right is string ? $"{Text(value)}{Text(right)}" : ToNumber(value) + ToNumber(right);
            }
            else if (Take("-"))
            {
                value = ToNumber(value) - ToNumber(Multiplicative());
            }
            else
            {
                return value;
            }
        }
    }

    private object? Multiplicative()
    {
        var value = Unary();
        while (true)
        {
            SkipSpace();
            if (Take("*"))
            {
                value = ToNumber(value) * ToNumber(Unary());
            }
            else if (Take("/"))
            {
                value = ToNumber(value) / ToNumber(Unary());
            }
            else
            {
                return value;
            }
        }
    }

    private object? Unary()
    {
        SkipSpace();
        return Take("-") ? -ToNumber(Unary()) : Primary();
    }

    private object? Primary()
    {
        SkipSpace();
        if (Take("("))
        {
            var inner = Comparison();
            Expect(")");
            return inner;
        }
        if (_pos < _text.Length && _text[_pos] == '"')
        {
            var end = _text.IndexOf('"', _pos + 1);
            if (end < 0)
            {
                throw new FormatException();
            }
            var literal = _text[(_pos + 1)..end];
            _pos = end + 1;
            return literal;
        }
        if (Take("{{"))
        {
            var end = _text.IndexOf("}}", _pos, StringComparison.Ordinal);
            var reference = end < 0 ? throw new FormatException() : _text[_pos..end];
            _pos = end + 2;
            var parts = reference.Split(':');
            return parts.Length >= 3 ? ReadProperty(parts[2]) : throw new FormatException();
        }
        var number = NumberPattern().Match(_text, _pos);
        if (number.Success && number.Index == _pos)
        {
            _pos += number.Length;
            return double.Parse(number.Value, CultureInfo.InvariantCulture);
        }
        var identifier = IdentifierPattern().Match(_text, _pos);
        if (!identifier.Success || identifier.Index != _pos)
        {
            throw new FormatException();
        }
        _pos += identifier.Length;
        return identifier.Value switch
        {
            "true" => true,
            "false" => false,
            _ => Call(identifier.Value),
        };
    }

    private object? Call(string name)
    {
        SkipSpace();
        Expect("(");
        var args = new List<object?>();
        SkipSpace();
        if (!Take(")"))
        {
            do
            {
                args.Add(Comparison());
                SkipSpace();
            }
            while (Take(","));
            Expect(")");
        }
        return name switch
        {
            "prop" when args.Count == 1 => ReadProperty(Text(args[0])),
            "if" when args.Count == 3 => IsTruthy(args[0]) ? args[1] : args[2],
            "empty" when args.Count == 1 => IsEmpty(args[0]),
            "not" when args.Count == 1 => !IsTruthy(args[0]),
            "and" => args.All(IsTruthy),
            "or" => args.Any(IsTruthy),
            "length" when args.Count == 1 => (double)Text(args[0]).Length,
            "concat" => string.Concat(args.Select(Text)),
            "toNumber" when args.Count == 1 => ToNumber(args[0]),
            "format" when args.Count == 1 => Text(args[0]),
            _ => throw new FormatException(),
        };
    }

    private object? ReadProperty(string nameOrId)
    {
        var property = dataSource.FindProperty(nameOrId) ?? throw new FormatException();
        return read(property, page);
    }

    private static object? Normalize(object? value) => value is double d ? d : value ?? string.Empty;

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        _ => false,
    };

    private static bool IsTruthy(object? value) => value switch
    {
        bool b => b,
        double d => d != 0,
        string s => s.Length > 0,
        _ => value is not null,
    };

    private static double ToNumber(object? value) => value switch
    {
        double d => d,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => double.NaN,
    };

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset t => NotionTime.FormatDateTimeValue(t),
        _ => value.ToString() ?? string.Empty,
    };

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Take(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0)
        {
            _pos += token.Length;
            return true;
        }
        return false;
    }

    private void Expect(string token)
    {
        if (!Take(token))
        {
            throw new FormatException();
        }
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex IdentifierPattern();
}
