using System.Globalization;
using System.Text;

namespace Duban.Sheets;

/// <summary>
/// Reads a .csv ledger into a <see cref="Sheet"/>: UTF-8 (with or without a BOM) or, as Excel and WPS save
/// it on Chinese Windows, GB18030; comma- or tab-separated; quoted fields may hold commas and line breaks.
/// A field that is a plain number written the way a spreadsheet writes it (2027.1, 46387, 12.5) is a number,
/// as it was in the workbook the file was saved from — so a date column's 2027.1 is as doubtful here as there;
/// everything else is text, and the ledger reader decides what it is.
/// </summary>
public static class CsvReader
{
    static CsvReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Workbook Read(Stream stream, string sheetName, SheetLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= SheetLimits.Default;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.Length > limits.MaxUnpackedBytes)
        {
            throw new SheetException(SheetError.TooLarge);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length == 0)
        {
            throw new SheetException(SheetError.Empty);
        }

        if (bytes.IndexOf((byte)0) >= 0 || (bytes.Length >= 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K'))
        {
            throw new SheetException(SheetError.NotASpreadsheet);
        }

        var text = Decode(bytes);
        var sheet = new Sheet(sheetName);
        var delimiter = DetectDelimiter(text);
        var row = 1;
        var column = 1;
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '\n' : text[i];
            if (quoted && !end)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    Append(field, c, limits, sheetName, row);
                }

                continue;
            }

            if (c == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == delimiter || c == '\n' || c == '\r')
            {
                if (field.Length > 0)
                {
                    if (row > limits.MaxRows)
                    {
                        throw new SheetException(SheetError.TooManyRows, $"{sheetName}!{row}");
                    }

                    if (column > limits.MaxColumns)
                    {
                        throw new SheetException(SheetError.TooManyColumns, $"{sheetName}!{CellReference.Of(row, column)}");
                    }

                    sheet.Set(row, column, Cell(field.ToString(), wasQuoted));
                }

                field.Clear();
                wasQuoted = false;
                if (c == delimiter)
                {
                    column++;
                }
                else
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    if (!end)
                    {
                        row++;
                    }

                    column = 1;
                }
            }
            else
            {
                Append(field, c, limits, sheetName, row);
            }
        }

        return new Workbook([sheet]);
    }

    /// <summary>A field as a cell: a number when it reads back exactly as written ("001" and "2026.10" stay text).</summary>
    private static SheetCell Cell(string text, bool quoted) =>
        !quoted && text.Length <= 17 && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number.ToString("R", CultureInfo.InvariantCulture) == text
            ? new SheetCell(text, number)
            : new SheetCell(text);

    private static void Append(StringBuilder field, char c, SheetLimits limits, string sheetName, int row)
    {
        field.Append(c);
        if (field.Length > limits.MaxCellLength)
        {
            throw new SheetException(SheetError.CellTooLong, $"{sheetName}!{row}");
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static char DetectDelimiter(string text)
    {
        var firstLines = text.AsSpan(0, Math.Min(text.Length, 4096));
        var commas = firstLines.Count(',') + firstLines.Count('，');
        var tabs = firstLines.Count('\t');
        return tabs > commas ? '\t' : ',';
    }

    /// <summary>The sheet name a CSV file gets: its file name without the extension.</summary>
    public static string SheetNameFor(string fileName) =>
        Path.GetFileNameWithoutExtension(fileName) is { Length: > 0 } name ? name : "Sheet1";
}
