#include "usecases/index_updates.h"

#include "spdlog/spdlog.h"

namespace techmatch::usecases {

void KeepIndexCurrent(const absl::Status& index_status) {
  if (!index_status.ok()) {
    spdlog::error("matching index not updated: {}", index_status.ToString());
  }
}

}  // namespace techmatch::usecases
