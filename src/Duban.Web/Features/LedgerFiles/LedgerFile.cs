using Duban.Sheets;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>Opening an uploaded ledger: which reader by its name and first bytes, the size limit, and the error in the user's words.</summary>
public static class LedgerFile
{
    /// <summary>The largest upload taken (a 10,000-row ledger is about 1 MB).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public static readonly string[] Extensions = [".xlsx", ".csv"];

    public static Workbook Open(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxBytes)
        {
            throw new SheetException(SheetError.TooLarge);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".xls" || extension == ".et")
        {
            throw new SheetException(SheetError.LegacyOrEncrypted);
        }

        return extension == ".csv"
            ? CsvReader.Read(new MemoryStream(content), CsvReader.SheetNameFor(fileName))
            : XlsxReader.Read(new MemoryStream(content));
    }

    public static string Message(IStringLocalizer l, SheetException e)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(e);
        return l["Import.File." + e.Error, e.Detail ?? string.Empty];
    }
}
