//! Python bindings: `newsgraph.extract` (one text → one record dict) and
//! `newsgraph.extract_arrow` (a pyarrow RecordBatch of articles → a RecordBatch of records
//! with nested fact lists), the function Spark's `mapInArrow` calls.
//!
//! The Arrow path never goes through JSON text: articles are read from the Arrow columns,
//! analysed in parallel with the GIL released, and the records are serialised by serde
//! straight into Arrow builders (`arrow_json::reader::Decoder::serialize`).

mod schema;

use arrow::array::{Array, RecordBatch, StringArray};
use arrow::json::reader::ReaderBuilder;
use arrow::pyarrow::{FromPyArrow, ToPyArrow};
use newsgraph::ingest::{Article, Location, Meta, normalise_date};
use newsgraph::record::Record;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::sync::Arc;

/// Analyse one article's text and return its record as a dict (the contract in
/// shared/spec/README.md; spans are code-point offsets, i.e. Python string indices).
#[pyfunction]
#[pyo3(signature = (text, date=None, title=None, url=None, id=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &str,
    date: Option<&str>,
    title: Option<String>,
    url: Option<String>,
    id: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let article = make_article(id.unwrap_or_else(|| "doc".into()), text.to_owned(), date, title, url)?;
    let record = py
        .detach(|| newsgraph::batch::analyse_guarded(article))
        .map_err(|m| PyRuntimeError::new_err(format!("internal error while analysing the article: {m} (please report this)")))?;
    let value = serde_json::to_value(&record).map_err(|e| PyValueError::new_err(e.to_string()))?;
    to_python(py, &value)
}

fn make_article(id: String, text: String, date: Option<&str>, title: Option<String>, url: Option<String>) -> PyResult<Article> {
    let date = match date {
        None => None,
        Some(d) => Some(normalise_date(d).ok_or_else(|| PyValueError::new_err(format!("date {d:?} is not a recognisable date (use YYYY-MM-DD)")))?),
    };
    Ok(Article { id, text, extracted: false, meta: Meta { date, title, url, ..Default::default() }, location: Location::default() })
}

/// Analyse a pyarrow RecordBatch of articles (columns `id`, `text`, optional `date`, `title`,
/// `url`, all strings) and return a RecordBatch with one record per row, in row order. The
/// fact lists (`entities`, `quotes`, `quantities`, `times`, `events`) are nested list<struct>
/// columns; `newsgraph.fact_tables` flattens them.
#[pyfunction]
fn extract_arrow<'py>(py: Python<'py>, batch: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let batch = RecordBatch::from_pyarrow_bound(batch)?;
    let articles = articles_from_batch(&batch)?;
    let out = py.detach(|| -> Result<RecordBatch, String> {
        use rayon::prelude::*;
        let records: Vec<Record> = articles
            .into_par_iter()
            .map(|a| {
                let id = a.id.clone();
                newsgraph::batch::analyse_guarded(a).map_err(|m| format!("internal error while analysing article {id:?}: {m} (please report this)"))
            })
            .collect::<Result<_, _>>()?;
        records_to_batch(&records)
    });
    out.map_err(PyRuntimeError::new_err)?.to_pyarrow(py)
}

fn column<'a>(batch: &'a RecordBatch, name: &str, required: bool) -> PyResult<Option<&'a StringArray>> {
    match batch.column_by_name(name) {
        None if required => Err(PyValueError::new_err(format!("the batch has no {name:?} column"))),
        None => Ok(None),
        Some(c) => c
            .as_any()
            .downcast_ref::<StringArray>()
            .map(Some)
            .ok_or_else(|| PyTypeError::new_err(format!("column {name:?} must be of type string (utf8), not {}", c.data_type()))),
    }
}

fn articles_from_batch(batch: &RecordBatch) -> PyResult<Vec<Article>> {
    let ids = column(batch, "id", true)?.unwrap();
    let texts = column(batch, "text", true)?.unwrap();
    let dates = column(batch, "date", false)?;
    let titles = column(batch, "title", false)?;
    let urls = column(batch, "url", false)?;
    let get = |c: Option<&StringArray>, i: usize| c.filter(|c| c.is_valid(i)).map(|c| c.value(i).to_owned());
    (0..batch.num_rows())
        .map(|i| {
            if ids.is_null(i) {
                return Err(PyValueError::new_err(format!("row {i}: \"id\" is null")));
            }
            let text = if texts.is_null(i) { String::new() } else { texts.value(i).to_owned() };
            let date = get(dates, i);
            make_article(ids.value(i).to_owned(), text, date.as_deref(), get(titles, i), get(urls, i))
        })
        .collect()
}

/// Serialises records into one Arrow batch with the nested record schema.
pub fn records_to_batch(records: &[Record]) -> Result<RecordBatch, String> {
    let schema = Arc::new(schema::record_schema());
    let mut decoder = ReaderBuilder::new(schema.clone()).with_batch_size(records.len().max(1)).build_decoder().map_err(|e| e.to_string())?;
    decoder.serialize(records).map_err(|e| e.to_string())?;
    Ok(decoder.flush().map_err(|e| e.to_string())?.unwrap_or_else(|| RecordBatch::new_empty(schema)))
}

fn to_python<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::IntoPyObjectExt;
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_bound_py_any(py)?,
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_bound_py_any(py)?,
            None => n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)?,
        },
        Value::String(s) => s.into_bound_py_any(py)?,
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(to_python(py, x)?)?;
            }
            list.into_any()
        }
        Value::Object(m) => {
            let d = PyDict::new(py);
            for (k, x) in m {
                d.set_item(k, to_python(py, x)?)?;
            }
            d.into_any()
        }
    })
}

#[pymodule]
fn _newsgraph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_arrow, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
