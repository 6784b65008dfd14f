namespace Duban.Domain.Organisation;

/// <summary>
/// "Every path below /1/4/" as a range a B-tree index can answer: [ "/1/4/", "/1/40" ).
/// Paths hold only digits and '/', and '0' is the character right after '/', so every path that starts
/// with the prefix sorts inside the range and no other does ("/1/40/" sorts at the upper bound, outside).
/// The columns compare by code point (SQLite's BINARY, PostgreSQL's "C" collation).
/// </summary>
public static class PathRange
{
    public static (string Low, string High) Of(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.EndsWith('/'))
        {
            throw new ArgumentException("A unit path ends with '/'.", nameof(prefix));
        }

        return (prefix, prefix[..^1] + "0");
    }
}
