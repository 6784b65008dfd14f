using Duban.Domain.Work;

namespace Duban.Domain.LedgerFiles;

public enum ImportStatus
{
    /// <summary>Read and shown; nothing written yet.</summary>
    Draft = 0,
    Committed = 1,
    Discarded = 2,
}

/// <summary>
/// An uploaded ledger between the upload and the person's confirmation: the file itself (so every app node
/// can show and commit it), the choices made on the mapping screen, and after the commit what was written.
/// Nothing of the ledger is stored in the work tables until <see cref="ImportStatus.Committed"/>.
/// </summary>
public sealed class ImportBatch : IRegionOwned
{
    public int Id { get; set; }
    public int RegionId { get; set; }

    /// <summary><see cref="WorkItemKind.Task"/> for a task list, <see cref="WorkItemKind.KeyProject"/> for a project ledger.</summary>
    public WorkItemKind Kind { get; set; }

    /// <summary>The ledger to import into; null creates one named after the sheet's title.</summary>
    public int? LedgerId { get; set; }

    public required string FileName { get; set; }
    public required byte[] Content { get; set; }

    /// <summary>The person's column choices (JSON: column number → field name), null to use the template and synonyms.</summary>
    public string? ColumnsJson { get; set; }

    /// <summary>Create units and people that the file names but the region does not have yet.</summary>
    public bool CreateMissing { get; set; }

    public ImportStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime? CommittedAt { get; set; }

    /// <summary>After the commit: which rows were written (created or updated, with their item ids) and which were left out, and why.</summary>
    public string? ResultJson { get; set; }
}

/// <summary>A region's saved column mapping for one kind of ledger: normalized header text → field name.</summary>
public sealed class ImportTemplate : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public WorkItemKind Kind { get; set; }
    public required string MappingJson { get; set; }
    public DateTime UpdatedAt { get; set; }
}
