namespace Duban.Sheets;

/// <summary>One cell as the file holds it: its text, and its number when it is one (a formula by its value).</summary>
public sealed record SheetCell(string Text, double? Number = null, bool IsDate = false, bool FromFormula = false)
{
    public bool IsBlank => Number is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A rectangle of merged cells, 1-based and inclusive.</summary>
public readonly record struct MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool Contains(int row, int column) => row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

    public bool IsVertical => LastRow > FirstRow;

    public static MergedRange? Parse(string reference)
    {
        var parts = reference.Split(':');
        if (parts.Length is < 1 or > 2 || !CellReference.TryParse(parts[0], out var r1, out var c1))
        {
            return null;
        }

        var (r2, c2) = (r1, c1);
        if (parts.Length == 2 && !CellReference.TryParse(parts[1], out r2, out c2))
        {
            return null;
        }

        return new MergedRange(Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
    }
}

/// <summary>
/// One worksheet as a sparse grid. <see cref="At"/> reads through merges: a cell covered by a merged range
/// answers with the range's top-left value, as a person reading the sheet would.
/// </summary>
public sealed class Sheet
{
    private readonly SortedDictionary<int, SheetCell?[]> rows = [];
    private readonly List<MergedRange> merges = [];
    private Dictionary<(int, int), MergedRange>? mergeIndex;
    private List<MergedRange> largeMerges = [];

    public Sheet(string name, bool isHidden = false)
    {
        Name = name;
        IsHidden = isHidden;
    }

    public string Name { get; }
    public bool IsHidden { get; }
    public IReadOnlyList<MergedRange> Merges => merges;
    public IEnumerable<int> RowNumbers => rows.Keys;
    public int RowCount => rows.Count;
    public int LastRow => rows.Count == 0 ? 0 : rows.Keys.Last();
    public int ColumnCount { get; private set; }

    internal void Set(int row, int column, SheetCell cell)
    {
        if (!rows.TryGetValue(row, out var cells))
        {
            cells = new SheetCell?[Math.Max(column, 8)];
            rows[row] = cells;
        }
        else if (cells.Length < column)
        {
            Array.Resize(ref cells, Math.Max(column, cells.Length * 2));
            rows[row] = cells;
        }

        cells[column - 1] = cell;
        ColumnCount = Math.Max(ColumnCount, column);
    }

    internal void AddMerge(MergedRange range)
    {
        merges.Add(range);
        mergeIndex = null;
    }

    /// <summary>The cell as stored, without reading through merges.</summary>
    public SheetCell? Raw(int row, int column) =>
        rows.TryGetValue(row, out var cells) && column >= 1 && column <= cells.Length ? cells[column - 1] : null;

    /// <summary>The merged range that covers the cell, if any.</summary>
    public MergedRange? MergeAt(int row, int column)
    {
        if (merges.Count == 0)
        {
            return null;
        }

        if (mergeIndex is null)
        {
            // Ranges are indexed cell by cell; a range larger than a few thousand cells is a banner and is checked directly.
            mergeIndex = [];
            largeMerges = [];
            foreach (var m in merges)
            {
                if ((long)(m.LastRow - m.FirstRow + 1) * (m.LastColumn - m.FirstColumn + 1) > 4096)
                {
                    largeMerges.Add(m);
                    continue;
                }

                for (var r = m.FirstRow; r <= m.LastRow; r++)
                {
                    for (var c = m.FirstColumn; c <= m.LastColumn; c++)
                    {
                        mergeIndex[(r, c)] = m;
                    }
                }
            }
        }

        if (mergeIndex.TryGetValue((row, column), out var found))
        {
            return found;
        }

        foreach (var m in largeMerges)
        {
            if (m.Contains(row, column))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>The value a reader sees at the cell: a merged range's value fills every cell it covers.</summary>
    public SheetCell? At(int row, int column) =>
        MergeAt(row, column) is { } m ? Raw(m.FirstRow, m.FirstColumn) : Raw(row, column);

    /// <summary>The non-blank cells of a row, as stored.</summary>
    public IEnumerable<(int Column, SheetCell Cell)> CellsOf(int row)
    {
        if (!rows.TryGetValue(row, out var cells))
        {
            yield break;
        }

        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { IsBlank: false } cell)
            {
                yield return (i + 1, cell);
            }
        }
    }
}

/// <summary>A workbook read from a file: its sheets in tab order.</summary>
public sealed record Workbook(IReadOnlyList<Sheet> Sheets);

/// <summary>A1-style references.</summary>
public static class CellReference
{
    public static bool TryParse(ReadOnlySpan<char> reference, out int row, out int column)
    {
        row = 0;
        column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384)
            {
                return false;
            }

            i++;
        }

        if (i == 0 || i == reference.Length)
        {
            return false;
        }

        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i]))
            {
                return false;
            }

            row = (row * 10) + (reference[i] - '0');
            if (row > 1_048_576)
            {
                return false;
            }
        }

        return row > 0;
    }

    public static string ColumnName(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            name = (char)('A' + rem) + name;
            column = (column - 1) / 26;
        }

        return name;
    }

    public static string Of(int row, int column) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
