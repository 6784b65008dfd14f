namespace Duban.Sheets;

/// <summary>Why a file could not be read as a sheet. The caller turns the code into the user's language.</summary>
public enum SheetError
{
    Empty,
    NotASpreadsheet,
    LegacyOrEncrypted,
    Corrupt,
    NoSheets,
    TooManyRows,
    TooManyColumns,
    CellTooLong,
    TooLarge,
}

public sealed class SheetException : Exception
{
    public SheetException()
    {
    }

    public SheetException(string message)
        : base(message)
    {
    }

    public SheetException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SheetException(SheetError error, string? detail = null, Exception? inner = null)
        : base($"{error}{(detail is null ? string.Empty : ": " + detail)}", inner)
    {
        Error = error;
        Detail = detail;
    }

    public SheetError Error { get; }

    /// <summary>Where or what (a sheet and row, a limit), for the message.</summary>
    public string? Detail { get; }
}

/// <summary>What a read will accept before it stops with a clear error instead of running out of memory.</summary>
public sealed record SheetLimits
{
    public int MaxRows { get; init; } = 200_000;
    public int MaxColumns { get; init; } = 200;

    /// <summary>Excel's own limit for one cell.</summary>
    public int MaxCellLength { get; init; } = 32_767;

    /// <summary>The most the XML parts may unpack to, together (a zip bomb stops here).</summary>
    public long MaxUnpackedBytes { get; init; } = 512L * 1024 * 1024;

    public static SheetLimits Default { get; } = new();
}
