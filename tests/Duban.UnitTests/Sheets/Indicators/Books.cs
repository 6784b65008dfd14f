using Duban.Sheets;

namespace Duban.UnitTests.Sheets.Indicators;

/// <summary>A sheet to write: rows of cells (string → text, decimal/int/double → number, DateOnly → a date cell, null → empty) and merges.</summary>
internal sealed record SheetSpec(string Name, IReadOnlyList<object?[]> Rows, IReadOnlyList<MergedRange>? Merges = null);

/// <summary>Writes real .xlsx bytes with the project's writer and reads them back, as an upload would be.</summary>
internal static class Books
{
    public static byte[] Bytes(params SheetSpec[] sheets)
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream))
        {
            foreach (var sheet in sheets)
            {
                writer.StartSheet(new SheetLayout { Name = sheet.Name });
                foreach (var row in sheet.Rows)
                {
                    writer.WriteRow(row.Select(Cell).ToList());
                }

                foreach (var m in sheet.Merges ?? [])
                {
                    writer.Merge(m.FirstRow, m.FirstColumn, m.LastRow, m.LastColumn);
                }
            }
        }

        return stream.ToArray();
    }

    public static Workbook Book(params SheetSpec[] sheets)
    {
        using var stream = new MemoryStream(Bytes(sheets));
        return XlsxReader.Read(stream);
    }

    public static SheetSpec Sheet(string name, params object?[][] rows) => new(name, rows);

    public static object?[] Row(params object?[] cells) => cells;

    private static CellValue? Cell(object? value) => value switch
    {
        null => null,
        string s => CellValue.Of(s),
        decimal d => CellValue.Of(d),
        int i => CellValue.Of((decimal)i),
        double x => CellValue.Of((decimal)x),
        DateOnly date => CellValue.Of(date),
        _ => CellValue.Of(value.ToString()),
    };
}
