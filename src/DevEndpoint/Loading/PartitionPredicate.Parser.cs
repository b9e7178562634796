using System.Text;

namespace DevEndpoint.Loading;

public sealed partial class PartitionPredicate
{
    private enum TokenKind
    {
        Identifier,
        String,
        Number,
        Operator,
        Comma,
        Open,
        Close,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position)
    {
        public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

        public string Describe() => Kind switch
        {
            TokenKind.End => "the end of the predicate",
            TokenKind.String => $"the string '{Text}'",
            _ => $"'{Text}'",
        };
    }

    private sealed class Parser
    {
        private static readonly string[] Keywords = ["AND", "OR", "NOT", "IN", "BETWEEN", "LIKE", "IS", "NULL"];

        private readonly string text;
        private readonly List<Token> tokens;
        private int index;

        public Parser(string text)
        {
            this.text = text;
            tokens = Tokenize(text);
        }

        public List<KeyReference> Keys { get; } = [];

        private Token Current => tokens[index];

        public Node ParseAll()
        {
            if (Current.Kind == TokenKind.End)
            {
                throw Error(Current, "a condition such as year = '2024'");
            }

            var node = ParseOr();
            if (Current.Kind != TokenKind.End)
            {
                throw Error(Current, "AND, OR or the end of the predicate");
            }

            return node;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (Current.IsKeyword("OR"))
            {
                index++;
                left = new Or(left, ParseAnd());
            }

            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseNot();
            while (Current.IsKeyword("AND"))
            {
                index++;
                left = new And(left, ParseNot());
            }

            return left;
        }

        private Node ParseNot()
        {
            if (Current.IsKeyword("NOT"))
            {
                index++;
                return new Not(ParseNot());
            }

            if (Current.Kind == TokenKind.Open)
            {
                index++;
                var inner = ParseOr();
                Expect(TokenKind.Close, "')'");
                return inner;
            }

            return ParseCondition();
        }

        private Node ParseCondition()
        {
            var left = ParseOperand("a column, a string or a number");
            var token = Current;
            if (token.Kind == TokenKind.Operator)
            {
                index++;
                return new Comparison(left, token.Text, ParseOperand("a value after " + token.Text));
            }

            if (token.IsKeyword("IS"))
            {
                index++;
                var negated = TakeKeyword("NOT");
                if (!TakeKeyword("NULL"))
                {
                    throw Error(Current, "NULL");
                }

                Node isNull = new IsNull(left);
                return negated ? new Not(isNull) : isNull;
            }

            var not = TakeKeyword("NOT");
            Node node;
            if (TakeKeyword("IN"))
            {
                Expect(TokenKind.Open, "'(' after IN");
                var list = new List<Operand> { ParseOperand("a value in the IN list") };
                while (Current.Kind == TokenKind.Comma)
                {
                    index++;
                    list.Add(ParseOperand("a value in the IN list"));
                }

                Expect(TokenKind.Close, "',' or ')' in the IN list");
                node = new In(left, list);
            }
            else if (TakeKeyword("BETWEEN"))
            {
                var low = ParseOperand("the low value of BETWEEN");
                if (!TakeKeyword("AND"))
                {
                    throw Error(Current, "AND in BETWEEN ... AND ...");
                }

                node = new Between(left, low, ParseOperand("the high value of BETWEEN"));
            }
            else if (TakeKeyword("LIKE"))
            {
                if (Current.Kind != TokenKind.String)
                {
                    throw Error(Current, "a quoted pattern after LIKE, such as '2024%'");
                }

                node = new Like(left, Like.Compile(Current.Text), Current.Text);
                index++;
            }
            else
            {
                throw Error(Current, not
                    ? "IN, BETWEEN or LIKE after NOT"
                    : "an operator (=, <>, <, >, <=, >=, IN, BETWEEN, LIKE, IS NULL)");
            }

            return not ? new Not(node) : node;
        }

        private Operand ParseOperand(string expected)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Identifier when token.IsKeyword("TRUE") || token.IsKeyword("FALSE"):
                    index++;
                    return new LiteralOperand(token.Text.ToLowerInvariant(), token.Position);
                case TokenKind.Identifier when !Keywords.Contains(token.Text, StringComparer.OrdinalIgnoreCase):
                    index++;
                    Keys.Add(new KeyReference(token.Text, token.Position));
                    return new KeyOperand(token.Text);
                case TokenKind.String or TokenKind.Number:
                    index++;
                    return new LiteralOperand(token.Text, token.Position);
                default:
                    throw Error(token, expected);
            }
        }

        private bool TakeKeyword(string keyword)
        {
            if (!Current.IsKeyword(keyword))
            {
                return false;
            }

            index++;
            return true;
        }

        private void Expect(TokenKind kind, string expected)
        {
            if (Current.Kind != kind)
            {
                throw Error(Current, expected);
            }

            index++;
        }

        private DevEndpointException Error(Token token, string expected) => PredicateError(text, token.Position, $"expected {expected}, found {token.Describe()}");

        private static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    i++;
                    continue;
                }

                var (token, end) = ReadToken(text, i);
                tokens.Add(token);
                i = end;
            }

            tokens.Add(new Token(TokenKind.End, string.Empty, text.Length + 1));
            return tokens;
        }

        /// <summary>The token that starts at <paramref name="start"/> and the index after it.</summary>
        private static (Token Token, int End) ReadToken(string text, int start)
        {
            var c = text[start];
            if (c == '\'')
            {
                return ReadString(text, start);
            }

            if (char.IsAsciiDigit(c) || (c is '-' or '.' && start + 1 < text.Length && char.IsAsciiDigit(text[start + 1])))
            {
                var end = start + 1;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
                {
                    end++;
                }

                return (new Token(TokenKind.Number, text[start..end], start + 1), end);
            }

            if (char.IsLetter(c) || c == '_')
            {
                var end = start;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                return (new Token(TokenKind.Identifier, text[start..end], start + 1), end);
            }

            if (c is '`' or '"')
            {
                var close = text.IndexOf(c, start + 1);
                return close < 0
                    ? throw PredicateError(text, start + 1, $"the quoted name that starts here has no closing {c}")
                    : (new Token(TokenKind.Identifier, text[(start + 1)..close], start + 1), close + 1);
            }

            if (c is '(' or ')' or ',')
            {
                return (new Token(c switch { '(' => TokenKind.Open, ')' => TokenKind.Close, _ => TokenKind.Comma }, c.ToString(), start + 1), start + 1);
            }

            if (c is '=' or '<' or '>' or '!')
            {
                return ReadOperator(text, start);
            }

            throw PredicateError(text, start + 1, $"unexpected character '{c}'");
        }

        /// <summary>A string in single quotes, a doubled quote standing for one.</summary>
        private static (Token Token, int End) ReadString(string text, int start)
        {
            var value = new StringBuilder();
            var i = start + 1;
            while (true)
            {
                if (i >= text.Length)
                {
                    throw PredicateError(text, start + 1, "the string that starts here has no closing quote (')");
                }

                if (text[i] == '\'')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                        continue;
                    }

                    return (new Token(TokenKind.String, value.ToString(), start + 1), i + 1);
                }

                value.Append(text[i++]);
            }
        }

        /// <summary>A comparison: =, &lt;, &gt;, &lt;&gt;, !=, &lt;= or &gt;=.</summary>
        private static (Token Token, int End) ReadOperator(string text, int start)
        {
            var c = text[start];
            var two = start + 1 < text.Length ? text.Substring(start, 2) : string.Empty;
            var op = two is "<>" or "!=" or "<=" or ">=" ? two : c.ToString();
            return op == "!"
                ? throw PredicateError(text, start + 1, "expected an operator, found '!' (use <> or != for 'not equal')")
                : (new Token(TokenKind.Operator, op, start + 1), start + op.Length);
        }
    }

    private static DevEndpointException PredicateError(string text, int position, string problem) =>
        new($"Invalid predicate at position {position}: {problem}.{Environment.NewLine}  {text}{Environment.NewLine}  {new string(' ', position - 1)}^");
}
