using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Sheets;

/// <summary>One request of a spreadsheets.batchUpdate; set exactly one member (the static helpers do).</summary>
public sealed record SheetsRequest
{
    /// <summary>Adds a tab.</summary>
    public AddSheetRequest? AddSheet { get; init; }

    /// <summary>Deletes a tab.</summary>
    public DeleteSheetRequest? DeleteSheet { get; init; }

    /// <summary>Changes a tab's properties (grid size, frozen rows, title, ...).</summary>
    public UpdateSheetPropertiesRequest? UpdateSheetProperties { get; init; }

    /// <summary>Changes spreadsheet properties (title, time zone, locale).</summary>
    public UpdateSpreadsheetPropertiesRequest? UpdateSpreadsheetProperties { get; init; }

    /// <summary>Writes cells.</summary>
    public UpdateCellsRequest? UpdateCells { get; init; }

    /// <summary>Applies one cell to every cell of a range (e.g. a bold header).</summary>
    public RepeatCellRequest? RepeatCell { get; init; }

    /// <summary>Adds rows or columns at the end.</summary>
    public AppendDimensionRequest? AppendDimension { get; init; }

    /// <summary>Deletes rows or columns.</summary>
    public DeleteDimensionRequest? DeleteDimension { get; init; }

    /// <summary>Sets the basic filter.</summary>
    public SetBasicFilterRequest? SetBasicFilter { get; init; }

    /// <summary>True when running the request twice is not the same as once (adding a tab or rows).</summary>
    [JsonIgnore]
    public bool IsIdempotent => AddSheet is null && AppendDimension is null;

    /// <summary>
    /// addSheet with a grid size and frozen header rows. Passing <paramref name="sheetId"/> lets later requests of the same
    /// batch (and of later batches) refer to the tab; <paramref name="hidden"/> adds it hidden.
    /// </summary>
    public static SheetsRequest AddTab(string title, int? sheetId = null, int rowCount = 1000, int columnCount = 26, int frozenRowCount = 0, bool hidden = false) => new()
    {
        AddSheet = new AddSheetRequest(new SheetProperties
        {
            SheetId = sheetId,
            Title = title,
            Hidden = hidden ? true : null,
            GridProperties = new GridProperties { RowCount = rowCount, ColumnCount = columnCount, FrozenRowCount = frozenRowCount == 0 ? null : frozenRowCount },
        }),
    };

    /// <summary>deleteSheet. The other tabs keep their sheetIds; their indexes shift down.</summary>
    public static SheetsRequest DeleteTab(int sheetId) => new() { DeleteSheet = new DeleteSheetRequest(sheetId) };

    /// <summary>
    /// updateSheetProperties giving a tab its <paramref name="title"/> and showing it, and with an <paramref name="index"/>
    /// also moving it there. Google counts a move in "before the move" indexes, so a tab moved forward needs the target + 1.
    /// </summary>
    public static SheetsRequest ShowAs(int sheetId, string title, int? index = null) => new()
    {
        UpdateSheetProperties = new UpdateSheetPropertiesRequest(
            new SheetProperties { SheetId = sheetId, Title = title, Index = index, Hidden = false },
            index is null ? "title,hidden" : "title,index,hidden"),
    };

    /// <summary>updateSheetProperties showing or hiding a tab (Google refuses to hide the last visible one).</summary>
    public static SheetsRequest SetHidden(int sheetId, bool hidden) => new()
    {
        UpdateSheetProperties = new UpdateSheetPropertiesRequest(new SheetProperties { SheetId = sheetId, Hidden = hidden }, "hidden"),
    };

    /// <summary>updateSheetProperties setting the grid size and the frozen row count (shrinking drops the cells outside).</summary>
    public static SheetsRequest ResizeGrid(int sheetId, int rowCount, int columnCount, int frozenRowCount) => new()
    {
        UpdateSheetProperties = new UpdateSheetPropertiesRequest(
            new SheetProperties
            {
                SheetId = sheetId,
                GridProperties = new GridProperties { RowCount = rowCount, ColumnCount = columnCount, FrozenRowCount = frozenRowCount },
            },
            "gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount"),
    };

    /// <summary>updateCells writing <paramref name="rows"/> from the top-left of <paramref name="range"/>; cells of the range the rows do not cover are cleared.</summary>
    public static SheetsRequest WriteCells(GridRange range, IReadOnlyList<RowData> rows) => new()
    {
        UpdateCells = new UpdateCellsRequest { Range = range, Rows = rows, Fields = "userEnteredValue" },
    };

    /// <summary>repeatCell making the first <paramref name="rowCount"/> rows bold.</summary>
    public static SheetsRequest BoldRows(int sheetId, int rowCount = 1) => new()
    {
        RepeatCell = new RepeatCellRequest(
            new GridRange { SheetId = sheetId, StartRowIndex = 0, EndRowIndex = rowCount },
            new CellData { UserEnteredFormat = new CellFormat { TextFormat = new TextFormat { Bold = true } } },
            "userEnteredFormat.textFormat.bold"),
    };
}

/// <summary>addSheet.</summary>
/// <param name="Properties">Title, optional sheetId, index and grid properties.</param>
public sealed record AddSheetRequest(SheetProperties Properties);

/// <summary>deleteSheet.</summary>
/// <param name="SheetId">The tab.</param>
public sealed record DeleteSheetRequest(int SheetId);

/// <summary>updateSheetProperties.</summary>
/// <param name="Properties">The new values; <c>SheetId</c> names the tab.</param>
/// <param name="Fields">The field mask, e.g. <c>gridProperties.rowCount,gridProperties.frozenRowCount</c>.</param>
public sealed record UpdateSheetPropertiesRequest(SheetProperties Properties, string Fields);

/// <summary>updateSpreadsheetProperties.</summary>
/// <param name="Properties">The new values.</param>
/// <param name="Fields">The field mask, e.g. <c>timeZone</c>.</param>
public sealed record UpdateSpreadsheetPropertiesRequest(SpreadsheetProperties Properties, string Fields);

/// <summary>updateCells: set <see cref="Range"/> or <see cref="Start"/>.</summary>
public sealed record UpdateCellsRequest
{
    /// <summary>The range written; cells it holds that <see cref="Rows"/> do not cover are cleared.</summary>
    public GridRange? Range { get; init; }

    /// <summary>The top-left cell, when only the data's extent should be written.</summary>
    public GridCoordinate? Start { get; init; }

    /// <summary>The data.</summary>
    public IReadOnlyList<RowData>? Rows { get; init; }

    /// <summary>The field mask, e.g. <c>userEnteredValue</c>.</summary>
    public required string Fields { get; init; }
}

/// <summary>repeatCell.</summary>
/// <param name="Range">The cells to change.</param>
/// <param name="Cell">The value and/or format to apply.</param>
/// <param name="Fields">The field mask, e.g. <c>userEnteredFormat.textFormat.bold</c>.</param>
public sealed record RepeatCellRequest(GridRange Range, CellData Cell, string Fields);

/// <summary>appendDimension.</summary>
/// <param name="SheetId">The tab.</param>
/// <param name="Dimension">ROWS or COLUMNS.</param>
/// <param name="Length">How many to add.</param>
public sealed record AppendDimensionRequest(int SheetId, Dimension Dimension, int Length);

/// <summary>deleteDimension.</summary>
/// <param name="Range">The rows or columns to delete.</param>
public sealed record DeleteDimensionRequest(DimensionRange Range);

/// <summary>A span of rows or columns: 0-based, end exclusive.</summary>
/// <param name="SheetId">The tab.</param>
/// <param name="Dimension">ROWS or COLUMNS.</param>
/// <param name="StartIndex">First index.</param>
/// <param name="EndIndex">Index after the last.</param>
public sealed record DimensionRange(int SheetId, Dimension Dimension, int StartIndex, int EndIndex);

/// <summary>setBasicFilter.</summary>
/// <param name="Filter">The filter.</param>
public sealed record SetBasicFilterRequest(BasicFilter Filter);

/// <summary>The answer of spreadsheets.batchUpdate: one reply per request, in order.</summary>
public sealed record BatchUpdateSpreadsheetResponse
{
    /// <summary>The spreadsheet.</summary>
    public string? SpreadsheetId { get; init; }

    /// <summary>One reply per request; empty for requests without one.</summary>
    public IReadOnlyList<SheetsReply>? Replies { get; init; }
}

/// <summary>The reply to one batchUpdate request.</summary>
public sealed record SheetsReply
{
    /// <summary>The reply to addSheet: the new tab's properties, including its sheetId.</summary>
    public AddSheetReply? AddSheet { get; init; }

    /// <summary>Replies of kinds this model does not name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>The reply to addSheet.</summary>
/// <param name="Properties">The new tab.</param>
public sealed record AddSheetReply(SheetProperties Properties);

internal sealed record BatchUpdateSpreadsheetRequest(IReadOnlyList<SheetsRequest> Requests);
